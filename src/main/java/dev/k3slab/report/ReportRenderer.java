package dev.k3slab.report;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** Renders a {@link ReportModel} through the FreeMarker templates next to this class. Thread-safe once built. */
final class ReportRenderer {
    static final String HTML_TEMPLATE = "report.html.ftl";
    static final String MARKDOWN_TEMPLATE = "report.md.ftl";

    private final Configuration config;

    ReportRenderer() {
        config = new Configuration(Configuration.VERSION_2_3_34);
        config.setClassForTemplateLoading(ReportRenderer.class, "");
        config.setDefaultEncoding("UTF-8");
        config.setRegisteredCustomOutputFormats(List.of(MarkdownOutputFormat.INSTANCE));
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setNumberFormat("computer");
    }

    String html(ReportModel model) {
        return render(HTML_TEMPLATE, model);
    }

    String markdown(ReportModel model) {
        return render(MARKDOWN_TEMPLATE, model);
    }

    private String render(String name, ReportModel model) {
        try {
            Template template = config.getTemplate(name);
            StringWriter out = new StringWriter();
            template.process(Map.of("r", model), out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            // A template bug, not a bad run: the message carries the template line.
            throw new IllegalStateException("report template " + name + " failed: " + e.getMessage(), e);
        }
    }
}
