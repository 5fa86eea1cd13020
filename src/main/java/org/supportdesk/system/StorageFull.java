package org.supportdesk.system;

/** The server has too little disk left to do what was asked. {@link ErrorHandler} answers 507 with the message. */
public abstract class StorageFull extends RuntimeException {

    protected StorageFull(String message) {
        super(message, null, false, false);
    }
}
