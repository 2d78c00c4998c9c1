/**
 * Internal helpers shared by Drawnet's own modules: argument checks whose messages carry the value
 * and what is allowed ({@link io.github.drawnet.api.internal.Checks}) and atomic file writes ({@link
 * io.github.drawnet.api.internal.AtomicFiles}). Not part of the public API: these may change in any
 * release without notice; library users should not call them.
 */
package io.github.drawnet.api.internal;
