package io.github.drawnet.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;

/**
 * A log file made on its first event, not when logging starts: a command refused for a bad option
 * logs nothing, and so leaves no {@code drawnet-out/drawnet.log} behind. Appends to the file like
 * logback's {@code FileAppender}, which it makes on the first event.
 */
public final class LazyFileAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private String file;
    private Encoder<ILoggingEvent> encoder;
    private FileAppender<ILoggingEvent> delegate;

    /** Sets the log file's path. */
    public void setFile(String file) {
        this.file = file;
    }

    /** Sets how events are written. */
    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    @Override
    public void start() {
        if (file == null || encoder == null) {
            addError("a file and an encoder are needed for appender " + getName());
            return;
        }
        super.start();
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        if (delegate == null) {
            FileAppender<ILoggingEvent> made = new FileAppender<>();
            made.setContext(getContext());
            made.setName(getName() + "-file");
            made.setFile(file);
            made.setAppend(true);
            made.setEncoder(encoder);
            made.start();
            delegate = made;
        }
        delegate.doAppend(event);
    }

    @Override
    public synchronized void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }
}
