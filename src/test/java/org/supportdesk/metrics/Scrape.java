package org.supportdesk.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Prometheus text-format page, parsed: one sample per line that is not a comment. Strict enough
 * to fail a test on a malformed line, which Prometheus would refuse too.
 */
record Scrape(List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {
        boolean has(Map<String, String> wanted) {
            return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }
    }

    static Scrape parse(String text) {
        var samples = new ArrayList<Sample>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            samples.add(sample(line));
        }
        return new Scrape(samples);
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (brace < 0 || brace > space) {
            return new Sample(line.substring(0, space), Map.of(), value(line, line.substring(space + 1)));
        }
        String name = line.substring(0, brace);
        var labels = new LinkedHashMap<String, String>();
        int i = brace + 1;
        while (line.charAt(i) != '}') {
            int equals = line.indexOf("=\"", i);
            String label = line.substring(i, equals);
            var value = new StringBuilder();
            int j = equals + 2;
            for (char c = line.charAt(j); c != '"'; c = line.charAt(++j)) {
                if (c == '\\') {
                    char escaped = line.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            labels.put(label, value.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        String rest = line.substring(i + 1).trim();
        int timestamp = rest.indexOf(' ');
        return new Sample(name, labels, value(line, timestamp < 0 ? rest : rest.substring(0, timestamp)));
    }

    private static double value(String line, String text) {
        try {
            return switch (text.trim()) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(text.trim());
            };
        } catch (NumberFormatException e) {
            throw new AssertionError("not a Prometheus sample: " + line, e);
        }
    }

    List<Sample> all(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.has(labels))
                .toList();
    }

    /** The sum of the samples of that name with those labels; 0 when there are none. */
    double sum(String name, Map<String, String> labels) {
        return all(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    double sum(String name) {
        return sum(name, Map.of());
    }
}
