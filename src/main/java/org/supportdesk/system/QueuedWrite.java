package org.supportdesk.system;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A write waiting for {@link GroupCommit}'s writer thread, and the caller's answer once it is committed. */
final class QueuedWrite<T> {
    final Supplier<T> work;
    /** For {@link Database#writeBatched}: who writes the item with its neighbours; null otherwise. */
    final Database.Batched<?> batched;

    final Object item;
    final CompletableFuture<T> result = new CompletableFuture<>();
    T value;
    RuntimeException failure;

    QueuedWrite(Supplier<T> work, Database.Batched<?> batched, Object item) {
        this.work = work;
        this.batched = batched;
        this.item = item;
    }

    void run() {
        try {
            value = work.get();
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    void finish() {
        if (failure != null) {
            result.completeExceptionally(failure);
        } else {
            result.complete(value);
        }
    }
}
