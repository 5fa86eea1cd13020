package org.supportdesk.tickets;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum whose JSON form is a lowercase label. */
interface Labelled {

    String value();

    /** @return the constant with that label, or null when there is none */
    static <E extends Enum<E> & Labelled> E parse(E[] values, String label) {
        for (E e : values) {
            if (e.value().equals(label)) {
                return e;
            }
        }
        return null;
    }

    /** "Input should be 'a', 'b' or 'c'", as FastAPI words an enum error. */
    static String expectation(Labelled[] values) {
        var labels = Arrays.stream(values).map(v -> "'" + v.value() + "'").collect(Collectors.toList());
        String last = labels.remove(labels.size() - 1);
        return "Input should be " + String.join(", ", labels) + " or " + last;
    }
}
