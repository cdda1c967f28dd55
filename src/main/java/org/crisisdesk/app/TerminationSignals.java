package org.crisisdesk.app;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns SIGTERM and SIGINT into a polite request to stop, so a command can finish its current batch and exit 0 while
 * the JVM is not yet shutting down (a shutdown hook would race H2's own hook, which closes the database under a commit).
 * Uses {@code sun.misc.Signal} reflectively: where it is missing (a trimmed runtime), {@link #install} returns false and
 * the caller falls back to a shutdown hook. A second signal ends the process at once.
 */
final class TerminationSignals implements AutoCloseable {
    private static final String[] NAMES = {"TERM", "INT"};
    private final List<Object[]> previous = new ArrayList<>();
    private volatile boolean received;

    private TerminationSignals() {}

    /** Calls {@code onFirst} (on the JVM's signal thread) at the first SIGTERM or SIGINT; null when unsupported. */
    static TerminationSignals install(Runnable onFirst) {
        TerminationSignals t = new TerminationSignals();
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            InvocationHandler ours = (proxy, method, args) -> {
                switch (method.getName()) {
                    case "handle":
                        if (t.received) {
                            Runtime.getRuntime().halt(130);
                        }
                        t.received = true;
                        onFirst.run();
                        return null;
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "equals":
                        return proxy == args[0];
                    default:
                        return "CrisisDesk termination handler";
                }
            };
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, ours);
            for (String name : NAMES) {
                Object signal = signalClass.getConstructor(String.class).newInstance(name);
                Object old = handle.invoke(null, signal, handler);
                t.previous.add(new Object[] {signal, old});
            }
            return t;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unsupported) {
            t.close();
            return null;
        }
    }

    boolean received() {
        return received;
    }

    /** Gives the signals back to whoever handled them before. */
    @Override
    public void close() {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            for (Object[] p : previous) {
                handle.invoke(null, p[0], p[1]);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError ignored) {
            // nothing was installed
        }
        previous.clear();
    }
}
