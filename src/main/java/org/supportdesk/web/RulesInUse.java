package org.supportdesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.supportdesk.system.SupportdeskProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The classification rules the service runs with, for the admin screen: the operator's file
 * (`supportdesk.classifier-rules`) or the rules in the jar, as keyword lists per category and
 * priority. The file was checked at start-up; this only reads it for display.
 */
@Component
class RulesInUse {

    /** Where the rules come from, and the keywords of each category and priority. */
    public record Rules(String source, Map<String, List<String>> categories, Map<String, List<String>> priorities) {}

    private final Rules rules;

    RulesInUse(SupportdeskProperties properties, JsonMapper json) {
        Path file = properties.classifierRules();
        try (InputStream in = file != null
                ? Files.newInputStream(file)
                : RulesInUse.class.getResourceAsStream("/classification/default-rules.json")) {
            JsonNode root = json.readTree(in);
            this.rules = new Rules(
                    file != null
                            ? file.toAbsolutePath().toString()
                            : "the rules in the jar (classification/default-rules.json)",
                    lists(root.get("categories")),
                    lists(root.get("priorities")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the classification rules", e);
        }
    }

    Rules rules() {
        return rules;
    }

    private static Map<String, List<String>> lists(JsonNode node) {
        var out = new LinkedHashMap<String, List<String>>();
        if (node != null) {
            for (String name : node.propertyNames()) {
                var words = new ArrayList<String>();
                node.get(name).forEach(w -> words.add(w.asString()));
                out.put(name, words);
            }
        }
        return out;
    }
}
