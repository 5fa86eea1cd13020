package org.supportdesk.classification;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.supportdesk.classification.RuleSet.Keyword;
import org.supportdesk.classification.RuleSet.Preference;

/** Reads a rules file into a {@link RuleSet}, strictly: anything unknown, missing or empty is an error. */
final class RulesReader {

    private static final Set<String> ROOT_KEYS = Set.of(
            "description",
            "categories",
            "tie_order",
            "overrides",
            "priorities",
            "ignore",
            "equivalents",
            "filler_words");
    private static final Set<String> OVERRIDE_KEYS = Set.of("prefer", "over", "when_any");

    private RulesReader() {}

    static RuleSet read(Reader reader) {
        Json root = Json.read(reader);
        Map<String, Json> members = object(root, "the rules file");
        checkKeys(members, ROOT_KEYS, "", List.of("categories", "tie_order", "priorities"), root.line());
        if (members.containsKey("description")) {
            string(members.get("description"), "description");
        }
        Map<String, List<Keyword>> categories =
                keywordGroups(members.get("categories"), "categories", RuleSet.CATEGORIES, RuleSet.CATEGORIES);
        categories.forEach((name, keywords) -> {
            if (keywords.isEmpty() && !name.equals(RuleSet.FALLBACK_CATEGORY)) {
                Json list = object(members.get("categories"), "categories").get(name);
                throw RulesFormatException.at(
                        where("categories." + name, list), "a category needs at least one keyword");
            }
        });
        List<String> tieOrder = tieOrder(members.get("tie_order"));
        List<Preference> preferences =
                members.containsKey("overrides") ? preferences(members.get("overrides"), categories) : List.of();
        List<String> requiredPriorities = List.of("urgent", "high", "low");
        Map<String, List<Keyword>> priorities =
                keywordGroups(members.get("priorities"), "priorities", RuleSet.PRIORITIES, requiredPriorities);
        List<Keyword> ignore = members.containsKey("ignore") ? keywords(members.get("ignore"), "ignore") : List.of();
        Map<String, List<String>> equivalents =
                members.containsKey("equivalents") ? equivalents(members.get("equivalents")) : Map.of();
        Set<String> fillerWords =
                members.containsKey("filler_words") ? fillerWords(members.get("filler_words")) : Set.of();
        return new RuleSet(categories, tieOrder, preferences, priorities, ignore, equivalents, fillerWords);
    }

    private static Map<String, List<Keyword>> keywordGroups(
            Json node, String path, List<String> known, List<String> required) {
        Map<String, Json> members = object(node, path);
        checkKeys(members, Set.copyOf(known), path + ".", required, node.line());
        Map<String, List<Keyword>> groups = new LinkedHashMap<>();
        for (String name : known) {
            Json list = members.get(name);
            groups.put(name, list == null ? List.of() : keywords(list, path + "." + name));
        }
        return groups;
    }

    private static List<String> tieOrder(Json node) {
        List<String> order = new ArrayList<>();
        List<Json> items = array(node, "tie_order");
        for (int i = 0; i < items.size(); i++) {
            String path = "tie_order[" + i + "]";
            String name = string(items.get(i), path);
            if (!RuleSet.CATEGORIES.contains(name)) {
                throw RulesFormatException.at(where(path, items.get(i)), unknown("category", name, RuleSet.CATEGORIES));
            }
            if (order.contains(name)) {
                throw RulesFormatException.at(where(path, items.get(i)), "\"" + name + "\" is listed twice");
            }
            order.add(name);
        }
        List<String> missing = new ArrayList<>(RuleSet.CATEGORIES);
        missing.removeAll(order);
        if (!missing.isEmpty()) {
            throw RulesFormatException.at(
                    where("tie_order", node), "must list every category once; missing " + String.join(", ", missing));
        }
        return List.copyOf(order);
    }

    private static List<Preference> preferences(Json node, Map<String, List<Keyword>> categories) {
        List<Preference> preferences = new ArrayList<>();
        List<Json> items = array(node, "overrides");
        for (int i = 0; i < items.size(); i++) {
            String path = "overrides[" + i + "]";
            Map<String, Json> members = object(items.get(i), path);
            checkKeys(
                    members,
                    OVERRIDE_KEYS,
                    path + ".",
                    List.copyOf(OVERRIDE_KEYS),
                    items.get(i).line());
            String prefer = category(members.get("prefer"), path + ".prefer");
            List<String> over = new ArrayList<>();
            List<Json> overItems = array(members.get("over"), path + ".over");
            for (int j = 0; j < overItems.size(); j++) {
                String overPath = path + ".over[" + j + "]";
                String name = category(overItems.get(j), overPath);
                if (name.equals(prefer) || over.contains(name)) {
                    throw RulesFormatException.at(
                            where(overPath, overItems.get(j)),
                            "\"" + name + "\" is the preferred category or listed twice");
                }
                over.add(name);
            }
            if (over.isEmpty()) {
                throw RulesFormatException.at(where(path + ".over", members.get("over")), "must name a category");
            }
            List<Keyword> whenAny = keywords(members.get("when_any"), path + ".when_any");
            if (whenAny.isEmpty()) {
                throw RulesFormatException.at(
                        where(path + ".when_any", members.get("when_any")), "must list at least one keyword");
            }
            Set<String> own = new HashSet<>();
            categories.get(prefer).forEach(keyword -> own.add(Keywords.canonical(keyword)));
            for (Keyword keyword : whenAny) {
                if (!own.contains(Keywords.canonical(keyword))) {
                    throw RulesFormatException.at(
                            keyword.where(),
                            "\"" + keyword.text() + "\" is not one of the keywords of category " + prefer);
                }
            }
            preferences.add(new Preference(prefer, List.copyOf(over), whenAny));
        }
        return List.copyOf(preferences);
    }

    private static Map<String, List<String>> equivalents(Json node) {
        Map<String, List<String>> equivalents = new LinkedHashMap<>();
        for (Map.Entry<String, Json> entry : object(node, "equivalents").entrySet()) {
            String path = "equivalents." + entry.getKey();
            List<String> words = Keywords.tokens(entry.getKey());
            if (words.size() != 1 || entry.getKey().contains("+")) {
                throw RulesFormatException.at(where(path, entry.getValue()), "the key must be a single word");
            }
            List<String> phrases = new ArrayList<>();
            for (Keyword keyword : keywords(entry.getValue(), path)) {
                if (keyword.text().contains("+")) {
                    throw RulesFormatException.at(keyword.where(), "equivalents cannot use the '+' inflection mark");
                }
                phrases.add(String.join(" ", Keywords.tokens(keyword.text())));
            }
            if (phrases.isEmpty()) {
                throw RulesFormatException.at(where(path, entry.getValue()), "must list at least one phrase");
            }
            if (equivalents.put(words.get(0), List.copyOf(phrases)) != null) {
                throw RulesFormatException.at(where(path, entry.getValue()), "the word is listed twice");
            }
        }
        return equivalents;
    }

    private static Set<String> fillerWords(Json node) {
        Set<String> words = new LinkedHashSet<>();
        for (Keyword keyword : keywords(node, "filler_words")) {
            List<String> tokens = Keywords.tokens(keyword.text());
            if (tokens.size() != 1 || keyword.text().contains("+")) {
                throw RulesFormatException.at(keyword.where(), "a filler word must be a single word");
            }
            if (!words.add(tokens.get(0))) {
                throw RulesFormatException.at(keyword.where(), "\"" + tokens.get(0) + "\" is listed twice");
            }
        }
        return Collections.unmodifiableSet(words);
    }

    private static List<Keyword> keywords(Json node, String path) {
        List<Keyword> keywords = new ArrayList<>();
        List<Json> items = array(node, path);
        for (int i = 0; i < items.size(); i++) {
            String itemPath = where(path + "[" + i + "]", items.get(i));
            String text = string(items.get(i), path + "[" + i + "]");
            if (Keywords.tokens(text).isEmpty()) {
                throw RulesFormatException.at(itemPath, "empty keyword; a keyword needs at least one letter or digit");
            }
            keywords.add(new Keyword(text, itemPath));
        }
        return List.copyOf(keywords);
    }

    private static String category(Json node, String path) {
        String name = string(node, path);
        if (!RuleSet.CATEGORIES.contains(name)) {
            throw RulesFormatException.at(where(path, node), unknown("category", name, RuleSet.CATEGORIES));
        }
        return name;
    }

    private static void checkKeys(
            Map<String, Json> members, Set<String> known, String prefix, List<String> required, int line) {
        List<String> expected = known.stream().sorted().toList();
        for (Map.Entry<String, Json> entry : members.entrySet()) {
            if (!known.contains(entry.getKey())) {
                String kind = prefix.startsWith("categories")
                        ? "category"
                        : prefix.startsWith("priorities") ? "priority" : "key";
                throw RulesFormatException.at(
                        where(prefix + entry.getKey(), entry.getValue()), unknown(kind, entry.getKey(), expected));
            }
        }
        for (String key : required) {
            if (!members.containsKey(key)) {
                String owner = prefix.isEmpty() ? "the rules object" : prefix.substring(0, prefix.length() - 1);
                throw RulesFormatException.at(owner + " (line " + line + ")", "missing \"" + key + "\"");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Json> object(Json node, String path) {
        if (!(node.value() instanceof Map)) {
            throw RulesFormatException.at(where(path, node), "expected an object but found " + node.typeName());
        }
        return (Map<String, Json>) node.value();
    }

    @SuppressWarnings("unchecked")
    private static List<Json> array(Json node, String path) {
        if (!(node.value() instanceof List)) {
            throw RulesFormatException.at(where(path, node), "expected an array but found " + node.typeName());
        }
        return (List<Json>) node.value();
    }

    private static String string(Json node, String path) {
        if (!(node.value() instanceof String text)) {
            throw RulesFormatException.at(where(path, node), "expected a string but found " + node.typeName());
        }
        return text;
    }

    private static String unknown(String kind, String name, List<String> expected) {
        return "unknown " + kind + " \"" + name + "\"; expected one of " + String.join(", ", expected);
    }

    private static String where(String path, Json node) {
        return path + " (line " + node.line() + ")";
    }
}
