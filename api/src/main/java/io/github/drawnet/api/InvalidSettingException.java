package io.github.drawnet.api;

import java.util.Objects;

/**
 * A setting's value that is not allowed. The message names the setting by its {@link
 * Setting#label() label}; each surface can name it its own way with {@link #messageFor}, so that the
 * command line says {@code --batch must be in [1, 5000], got 6000} and the studio says {@code batch
 * size must be in [1, 5000], got 6000}.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Setting setting;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param setting the setting
     * @param problem what is wrong, reading on from the setting's name, for example {@code " must be
     *     in [1, 5000], got 6000"} or {@code ": unknown optimizer 'x'; valid: adam, sgd"}
     */
    public InvalidSettingException(Setting setting, String problem) {
        super(Objects.requireNonNull(setting, "setting").label() + problem);
        this.setting = setting;
        this.problem = problem;
    }

    /** Returns the setting whose value was refused. */
    public Setting setting() {
        return setting;
    }

    /** Returns the message with the setting called {@code name}, for example {@code --lr}. */
    public String messageFor(String name) {
        return name + problem;
    }
}
