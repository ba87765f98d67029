package dev.k3slab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the tables of the rendered report back as cell texts (tags stripped, entities decoded). */
final class HtmlTables {
    private static final Pattern ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL);

    private HtmlTables() {
    }

    /** The body rows (header row excluded) of the table with this id, each as its cells' text. */
    static List<List<String>> rows(String html, String tableId) {
        String table = table(html, tableId);
        String body = table.substring(table.indexOf("</thead>") + "</thead>".length());
        List<List<String>> rows = new ArrayList<>();
        Matcher row = ROW.matcher(body);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.add(text(cell.group(1)));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The HTML of the table with this id; fails when it is missing. */
    static String table(String html, String tableId) {
        int start = html.indexOf("<table id=\"" + tableId + "\"");
        if (start < 0) {
            throw new AssertionError("no table with id " + tableId + " in the report");
        }
        return html.substring(start, html.indexOf("</table>", start));
    }

    static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }
}
