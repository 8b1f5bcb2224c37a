package io.skystate.cli.internal.dashboard;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.Map;

/**
 * The pages' mustache templates ({@code templates/*.mustache} beside this class). Logic-less: pages hand them maps of
 * ready-made values, and {@code {{value}}} escapes HTML, so nothing a run or record holds can inject markup.
 */
final class Templates {
    private final DefaultMustacheFactory factory =
            new DefaultMustacheFactory("io/skystate/cli/internal/dashboard/templates");

    String render(String template, Map<String, Object> model) {
        Mustache mustache = factory.compile(template + ".mustache");
        StringWriter out = new StringWriter();
        mustache.execute(out, model);
        return out.toString();
    }
}
