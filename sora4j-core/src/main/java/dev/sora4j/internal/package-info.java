/**
 * Implementation details shared by sora4j's packages (argument checks, hashing). Not API: do not depend on it, it
 * may change without notice.
 */
package dev.sora4j.internal;
