package dev.k3slab.topology;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the lab's Vagrantfile from a topology with the FreeMarker template
 * {@code dev/k3slab/topology/Vagrantfile.ftl}. Pure: same topology and source name, same text.
 */
public final class VagrantfileRenderer {
    private static final String TEMPLATE = "Vagrantfile.ftl";
    private static final Configuration FREEMARKER = configuration();

    private VagrantfileRenderer() {
    }

    /**
     * The Vagrantfile for {@code topology} (one the loader accepted).
     *
     * @param source how the header names the topology file, e.g. {@code vagrant/topology.yaml}
     */
    public static String render(Topology topology, String source) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("source", oneLine(source));
        model.put("regenerate", LabHome.TOPOLOGY.equals(source)
                ? "./lab vagrantfile" : "./lab vagrantfile --topology " + oneLine(source));
        model.put("box", topology.box());
        model.put("networkPrefix", topology.networkPrefix());
        model.put("k3sVersion", topology.k3sVersion());
        model.put("etcdctlVersion", topology.etcdctlVersion());
        model.put("vmNamePrefix", topology.vmNamePrefix());
        model.put("nodes", topology.nodes().stream().map(VagrantfileRenderer::node).toList());
        model.put("rb", (TemplateMethodModelEx) VagrantfileRenderer::rubyStringModel);
        try {
            Template template = FREEMARKER.getTemplate(TEMPLATE);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Vagrantfile template " + TEMPLATE + " from the jar", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("the Vagrantfile template failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> node(LabNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.name());
        // The source writes each address as "#{NETWORK_PREFIX}.11"; the loader has checked that
        // every node's address lies inside the prefix.
        m.put("hostNumber", n.ip().substring(n.ip().lastIndexOf('.') + 1));
        m.put("role", n.role().word());
        m.put("cpus", n.cpus());
        m.put("memory", n.memoryMb());
        return m;
    }

    /**
     * {@code text} as a double-quoted Ruby string literal. The loader's rules already keep quotes,
     * backslashes and '#' out of every value; escaping anyway means a topology built in code can
     * never inject Ruby (#{...}) into the Vagrantfile.
     */
    static String rubyString(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"', '\\', '#' -> b.append('\\').append(c);
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static Object rubyStringModel(List<?> args) throws TemplateModelException {
        if (args.size() != 1) {
            throw new TemplateModelException("rb(text) takes one argument, got " + args.size());
        }
        return rubyString(String.valueOf(DeepUnwrap.unwrap((TemplateModel) args.get(0))));
    }

    /** Keeps a header value on its comment line. */
    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassLoaderForTemplateLoading(VagrantfileRenderer.class.getClassLoader(), "dev/k3slab/topology");
        c.setDefaultEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setNumberFormat("c"); // 2048, never a locale's "2,048"
        c.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
        c.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        return c;
    }
}
