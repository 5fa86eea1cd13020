package org.supportdesk;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Set;

/** For the packages' floor rules (TicketsBoundaryTests, ConversationBoundaryTests). */
public final class Floors {

    private Floors() {}

    /**
     * The classes of a floor by their simple names. A nested or anonymous class (TicketQuery.Sort,
     * TicketJson$1) is on its outer class's floor.
     */
    public static DescribedPredicate<JavaClass> named(Set<String> names) {
        return DescribedPredicate.describe(
                String.join(", ", names),
                c -> names.contains(
                        c.getName().substring(c.getPackageName().length() + 1).split("[$]")[0]));
    }
}
