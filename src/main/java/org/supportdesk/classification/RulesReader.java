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
        Map<String, Json> members = root.object("the rules file");
        checkKeys(members, ROOT_KEYS, "", List.of("categories", "tie_order", "priorities"), root.line());
        if (members.containsKey("description")) {
            members.get("description").string("description");
        }
        Map<String, List<Keyword>> categories =
                keywordGroups(members.get("categories"), "categories", RuleSet.CATEGORIES, RuleSet.CATEGORIES);
        categories.forEach((name, keywords) -> {
            if (keywords.isEmpty() && !name.equals(RuleSet.FALLBACK_CATEGORY)) {
                Json list = members.get("categories").object("categories").get(name);
                throw RulesFormatException.at(
                        list.where("categories." + name), "a category needs at least one keyword");
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
        Map<String, Json> members = node.object(path);
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
        List<Json> items = node.array("tie_order");
        for (int i = 0; i < items.size(); i++) {
            String path = "tie_order[" + i + "]";
            String name = items.get(i).string(path);
            if (!RuleSet.CATEGORIES.contains(name)) {
                throw RulesFormatException.at(items.get(i).where(path), unknown("category", name, RuleSet.CATEGORIES));
            }
            if (order.contains(name)) {
                throw RulesFormatException.at(items.get(i).where(path), "\"" + name + "\" is listed twice");
            }
            order.add(name);
        }
        List<String> missing = new ArrayList<>(RuleSet.CATEGORIES);
        missing.removeAll(order);
        if (!missing.isEmpty()) {
            throw RulesFormatException.at(
                    node.where("tie_order"), "must list every category once; missing " + String.join(", ", missing));
        }
        return List.copyOf(order);
    }

    private static List<Preference> preferences(Json node, Map<String, List<Keyword>> categories) {
        List<Preference> preferences = new ArrayList<>();
        List<Json> items = node.array("overrides");
        for (int i = 0; i < items.size(); i++) {
            String path = "overrides[" + i + "]";
            Map<String, Json> members = items.get(i).object(path);
            checkKeys(
                    members,
                    OVERRIDE_KEYS,
                    path + ".",
                    List.copyOf(OVERRIDE_KEYS),
                    items.get(i).line());
            String prefer = category(members.get("prefer"), path + ".prefer");
            List<String> over = new ArrayList<>();
            List<Json> overItems = members.get("over").array(path + ".over");
            for (int j = 0; j < overItems.size(); j++) {
                String overPath = path + ".over[" + j + "]";
                String name = category(overItems.get(j), overPath);
                if (name.equals(prefer) || over.contains(name)) {
                    throw RulesFormatException.at(
                            overItems.get(j).where(overPath),
                            "\"" + name + "\" is the preferred category or listed twice");
                }
                over.add(name);
            }
            if (over.isEmpty()) {
                throw RulesFormatException.at(members.get("over").where(path + ".over"), "must name a category");
            }
            List<Keyword> whenAny = keywords(members.get("when_any"), path + ".when_any");
            if (whenAny.isEmpty()) {
                throw RulesFormatException.at(
                        members.get("when_any").where(path + ".when_any"), "must list at least one keyword");
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
        for (Map.Entry<String, Json> entry : node.object("equivalents").entrySet()) {
            String path = "equivalents." + entry.getKey();
            List<String> words = Keywords.tokens(entry.getKey());
            if (words.size() != 1 || entry.getKey().contains("+")) {
                throw RulesFormatException.at(entry.getValue().where(path), "the key must be a single word");
            }
            List<String> phrases = new ArrayList<>();
            for (Keyword keyword : keywords(entry.getValue(), path)) {
                if (keyword.text().contains("+")) {
                    throw RulesFormatException.at(keyword.where(), "equivalents cannot use the '+' inflection mark");
                }
                phrases.add(String.join(" ", Keywords.tokens(keyword.text())));
            }
            if (phrases.isEmpty()) {
                throw RulesFormatException.at(entry.getValue().where(path), "must list at least one phrase");
            }
            if (equivalents.put(words.get(0), List.copyOf(phrases)) != null) {
                throw RulesFormatException.at(entry.getValue().where(path), "the word is listed twice");
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
        List<Json> items = node.array(path);
        for (int i = 0; i < items.size(); i++) {
            String itemPath = items.get(i).where(path + "[" + i + "]");
            String text = items.get(i).string(path + "[" + i + "]");
            if (Keywords.tokens(text).isEmpty()) {
                throw RulesFormatException.at(itemPath, "empty keyword; a keyword needs at least one letter or digit");
            }
            keywords.add(new Keyword(text, itemPath));
        }
        return List.copyOf(keywords);
    }

    private static String category(Json node, String path) {
        String name = node.string(path);
        if (!RuleSet.CATEGORIES.contains(name)) {
            throw RulesFormatException.at(node.where(path), unknown("category", name, RuleSet.CATEGORIES));
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
                        entry.getValue().where(prefix + entry.getKey()), unknown(kind, entry.getKey(), expected));
            }
        }
        for (String key : required) {
            if (!members.containsKey(key)) {
                String owner = prefix.isEmpty() ? "the rules object" : prefix.substring(0, prefix.length() - 1);
                throw RulesFormatException.at(owner + " (line " + line + ")", "missing \"" + key + "\"");
            }
        }
    }

    private static String unknown(String kind, String name, List<String> expected) {
        return "unknown " + kind + " \"" + name + "\"; expected one of " + String.join(", ", expected);
    }
}
