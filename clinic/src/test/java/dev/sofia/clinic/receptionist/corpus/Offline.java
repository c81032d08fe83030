package dev.sofia.clinic.receptionist.corpus;

import java.util.List;

/** What the offline dialog engine is expected to reach with a scenario's caller turns. */
public sealed interface Offline {

    /** The same database state as with the scripted model. */
    record Same() implements Offline {}

    /** Something else, said explicitly: e.g. a Russian caller gets a message taken instead of a booking. */
    record Instead(String because, List<Expect> expect) implements Offline {
        public Instead {
            expect = List.copyOf(expect);
            if (expect.isEmpty()) {
                throw new IllegalArgumentException("an offline expectation needs a database check");
            }
        }
    }

    /** The engine is known not to manage this yet: the offline test is aborted, naming the gap. */
    record KnownGap(String reason) implements Offline {}
}
