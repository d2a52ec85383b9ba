package io.vigil.emulator.junit;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * A Lambda deployment package (a function's shaded jar) on a class path of its own, whose parent
 * is the platform class loader: what a test runs from it sees only the package, as Lambda would.
 * Handlers are constructed and called by reflection, with the package's loader as the thread's
 * context class loader.
 *
 * <p>It can also watch libraries a build trimmed (shade filters): every class or resource under
 * one of the {@code watched} path prefixes (e.g. {@code org/apache/pdfbox/}) that is asked of the
 * package and missing is remembered ({@link #missing()}), as is every such resource served
 * ({@link #resources()}), so that a test can show that nothing it needed was cut.
 */
public final class IsolatedPackage implements AutoCloseable {

  private final List<String> watched;
  private final Set<String> missing = Collections.synchronizedSet(new TreeSet<>());
  private final Set<String> resources = Collections.synchronizedSet(new TreeSet<>());
  private final URLClassLoader loader;

  /** The package at {@code jar}, watching nothing. */
  public IsolatedPackage(Path jar) throws IOException {
    this(jar, List.of());
  }

  /** The package at {@code jar}, watching the path prefixes {@code watched}. */
  public IsolatedPackage(Path jar, List<String> watched) throws IOException {
    this.watched = List.copyOf(watched);
    loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        ClassLoader.getPlatformClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        try {
          return super.findClass(name);
        } catch (ClassNotFoundException e) {
          if (isWatched(name.replace('.', '/'))) {
            missing.add(name);
          }
          throw e;
        }
      }

      @Override
      public URL findResource(String name) {
        var url = super.findResource(name);
        if (isWatched(name)) {
          (url == null ? missing : resources).add(name);
        }
        return url;
      }
    };
  }

  private boolean isWatched(String path) {
    return watched.stream().anyMatch(path::startsWith);
  }

  /** The package's class loader. */
  public ClassLoader loader() {
    return loader;
  }

  /**
   * Constructs a handler as the tests do, {@code new Handler(ApplicationContext.builder()
   * .properties(properties))}, from the package's Micronaut.
   */
  public Object handler(String className, Map<String, Object> properties) throws Exception {
    return withContextLoader(() -> {
      var context = loader.loadClass("io.micronaut.context.ApplicationContext");
      var builderType = loader.loadClass("io.micronaut.context.ApplicationContextBuilder");
      var builder = context.getMethod("builder").invoke(null);
      builderType.getMethod("properties", Map.class).invoke(builder, properties);
      return loader.loadClass(className).getConstructor(builderType).newInstance(builder);
    });
  }

  /**
   * Calls {@code target.name()}: a public method (inherited ones included), else one its class or
   * a superclass declares.
   */
  public Object invoke(Object target, String name) throws Exception {
    for (var m : target.getClass().getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 0) {
        return withContextLoader(() -> call(m, target));
      }
    }
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      for (var m : c.getDeclaredMethods()) {
        if (m.getName().equals(name) && m.getParameterCount() == 0) {
          return withContextLoader(() -> call(m, target));
        }
      }
    }
    throw new NoSuchMethodException(target.getClass().getName() + "." + name);
  }

  /** Calls {@code handler.handleRequest(input, null)}: the Lambda context may be null. */
  public Object handleRequest(Object handler, Object input) throws Exception {
    for (var m : handler.getClass().getMethods()) {
      if (m.getName().equals("handleRequest") && m.getParameterCount() == 2) {
        return withContextLoader(() -> call(m, handler, input, null));
      }
    }
    throw new NoSuchMethodException(handler.getClass().getName() + ".handleRequest");
  }

  /** Classes and resources under a watched prefix asked of the package and not found. */
  public Set<String> missing() {
    return Set.copyOf(missing);
  }

  /** Resources under a watched prefix the package served, in name order. */
  public Set<String> resources() {
    return new TreeSet<>(resources);
  }

  private static Object call(Method method, Object target, Object... args) throws Exception {
    method.setAccessible(true);
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** Runs {@code action} with the package's loader as the thread's context class loader. */
  public <T> T withContextLoader(Callable<T> action) throws Exception {
    var thread = Thread.currentThread();
    var previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return action.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }
}
