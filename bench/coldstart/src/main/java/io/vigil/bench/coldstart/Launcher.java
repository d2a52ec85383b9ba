package io.vigil.bench.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;

/**
 * The child process of the cold-start comparison: one fresh JVM per measurement, started as
 * {@code java <flags> -cp <function's shaded jar>:<this jar>:<runtime serialization jar>
 * io.vigil.bench.coldstart.Launcher <handler class> <event.json>}. It does what the Lambda Java
 * runtime does on a cold start, and nothing more:
 *
 * <ol>
 *   <li>loads the handler class and constructs it with its no-arg constructor (Lambda's INIT);
 *   <li>deserializes the event into the handler's input type with the runtime's own serializer
 *       ({@code aws-lambda-java-serialization}'s {@link JacksonFactory}, which the managed runtime
 *       uses for a {@code RequestHandler} whose input is not a Lambda event class);
 *   <li>calls {@code handleRequest(input, context)} once and serializes the response the same way.
 * </ol>
 *
 * <p>Then it prints one marker line (the parent stops its clock when it reads it), its peak RSS
 * ({@code VmHWM} of {@code /proc/self/status}) and exits. The marker carries the phase timestamps
 * (wall clock at {@code main}, then nanoseconds from there) so that the parent can split the time
 * into JVM start, INIT, deserialization, first invocation and serialization.
 *
 * <p>The same launcher, serializer and stub {@link Context} serve the function and its baseline.
 * With {@code -Dcoldstart.classes=true} (diagnostic runs only; it loads JMX) the marker also counts
 * the classes loaded per phase, and with {@code -Dcoldstart.probe.sdk=true} /
 * {@code -Dcoldstart.probe.micronaut=true} it first times, before the handler, the creation of
 * one DynamoDB client from the environment / the start of an empty Micronaut context from the same
 * jar (so INIT is then what is left). It halts after the marker (shutdown hooks are not part of a cold
 * start), except with {@code -Dcoldstart.exit=true}, in the training runs that write an archive at
 * exit.
 */
public final class Launcher {

  /** Prefix of the line the parent stops its clock at. */
  public static final String MARKER = "COLDSTART-MARKER ";
  /** Prefix of the peak-RSS line printed after the marker. */
  public static final String RSS = "COLDSTART-RSS ";
  /** Prefix of the AWS request counts (only when {@link RequestCounter} is registered). */
  public static final String REQUESTS = "COLDSTART-REQUESTS ";
  /** Prefix of the response line (the serialized response, printed after the marker). */
  public static final String RESPONSE = "COLDSTART-RESPONSE ";
  /** Prefix of the runtime custom-serializer probe's line (diagnostic runs). */
  public static final String SERDE = "COLDSTART-SERDE ";
  /** Prefix of the failure line, if the handler threw. */
  public static final String FAILED = "COLDSTART-FAILED ";

  private Launcher() {}

  /**
   * Runs one cold start.
   *
   * @param args handler class name, event file
   */
  public static void main(String[] args) throws Exception {
    Instant mainAt = Instant.now();
    boolean countClasses = Boolean.getBoolean("coldstart.classes");
    long[] classes = new long[5];
    if (args.length != 2) {
      System.err.println("usage: Launcher <handler class> <event.json>");
      System.exit(2);
    }
    try {
      // diagnostic runs only: what the first SDK client and an empty Micronaut context cost
      long sdkProbe = Boolean.getBoolean("coldstart.probe.sdk") ? probe(
          "software.amazon.awssdk.services.dynamodb.DynamoDbClient", "create") : -1;
      long micronautProbe = Boolean.getBoolean("coldstart.probe.micronaut") ? probe(
          "io.micronaut.context.ApplicationContext", "run") : -1;
      long t0 = System.nanoTime();
      classes[0] = countClasses ? loadedClasses() : -1;

      // INIT: the handler's class and no-arg constructor, as the runtime does
      Class<?> type = Class.forName(args[0]);
      @SuppressWarnings("unchecked")
      var handler = (RequestHandler<Object, Object>) type.getDeclaredConstructor().newInstance();
      long tInit = System.nanoTime();
      classes[1] = countClasses ? loadedClasses() : -1;

      // the runtime's serializer for the handler's declared input type
      Type[] io = handlerTypes(type);
      byte[] event = Files.readAllBytes(Path.of(args[1]));
      Object input = JacksonFactory.getInstance().getSerializer(io[0])
          .fromJson(new ByteArrayInputStream(event));
      long tDeser = System.nanoTime();
      classes[2] = countClasses ? loadedClasses() : -1;

      Object output = handler.handleRequest(input, new StubContext(type.getSimpleName()));
      long tInvoke = System.nanoTime();
      classes[3] = countClasses ? loadedClasses() : -1;

      var out = new ByteArrayOutputStream();
      if (output != null) {
        JacksonFactory.getInstance().getSerializer(io[1]).toJson(output, out);
      }
      long tSer = System.nanoTime();
      classes[4] = countClasses ? loadedClasses() : -1;

      System.out.println(MARKER + "mainEpochMicros=" + epochMicros(mainAt)
          + " initNanos=" + (tInit - t0) + " deserializeNanos=" + (tDeser - tInit)
          + " invokeNanos=" + (tInvoke - tDeser) + " serializeNanos=" + (tSer - tInvoke)
          + " responseBytes=" + out.size()
          + (sdkProbe >= 0 ? " probeSdkNanos=" + sdkProbe : "")
          + (micronautProbe >= 0 ? " probeMicronautNanos=" + micronautProbe : "")
          + (countClasses ? " classesAtMain=" + classes[0] + " classesInit=" + classes[1]
              + " classesDeserialize=" + classes[2] + " classesInvoke=" + classes[3]
              + " classesSerialize=" + classes[4] : ""));
      System.out.flush();
      System.out.println(RESPONSE + out.toString(StandardCharsets.UTF_8).replace('\n', ' '));
      System.out.println(RSS + peakRss());
      if (Boolean.getBoolean("coldstart.probe.serde")) {
        System.out.println(SERDE + serdeProbe(event, io, output));
      }
    } catch (Throwable e) {
      // Launched reflectively: report the handler's own exception, not the wrapper
      Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite
          && ite.getCause() != null ? ite.getCause() : e;
      System.out.println(FAILED + cause.toString().replace('\n', ' '));
      cause.printStackTrace();
      System.out.flush();
      System.exit(1);
    }
    if (RequestCounter.registered()) {
      System.out.println(REQUESTS + RequestCounter.summary());
    }
    System.out.flush();
    if (Boolean.getBoolean("coldstart.exit")) {
      // a training run: the class-data archive is written as the JVM exits normally
      System.exit(0);
    }
    // the first response is out: skip the handler's shutdown hooks (a Lambda environment is
    // frozen or discarded, never shut down like this), so the next run starts sooner
    Runtime.getRuntime().halt(0);
  }

  /**
   * What the managed runtime would do instead for this jar: it looks up a
   * {@link CustomPojoSerializer} on the function's class path (Micronaut's, in the function jars)
   * and (de)serializes with it. Timed after the first response, so classes the handler already
   * loaded are not counted: a lower bound.
   */
  private static String serdeProbe(byte[] event, Type[] io, Object output) {
    long start = System.nanoTime();
    var found = ServiceLoader.load(CustomPojoSerializer.class).findFirst();
    if (found.isEmpty()) {
      return "nanos=-1 serializer=none";
    }
    var serializer = found.get();
    Object input = serializer.fromJson(new ByteArrayInputStream(event), io[0]);
    var out = new ByteArrayOutputStream();
    serializer.toJson(output, out, io[1]);
    return "nanos=" + (System.nanoTime() - start) + " serializer="
        + serializer.getClass().getName() + " inputType=" + input.getClass().getSimpleName();
  }

  /**
   * Times {@code type.method()} (a static factory: an SDK client from the environment, or an empty
   * Micronaut context) and closes what it returns; nanoseconds.
   */
  private static long probe(String type, String method) throws Exception {
    long start = System.nanoTime();
    Object made = Class.forName(type).getMethod(method).invoke(null);
    long took = System.nanoTime() - start;
    if (made instanceof AutoCloseable c) {
      c.close();
    }
    return took;
  }

  private static long epochMicros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  private static long loadedClasses() {
    return java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
  }

  /** {@code vmHwmKb=... vmRssKb=...} from /proc/self/status (Linux). */
  private static String peakRss() {
    try {
      long hwm = -1;
      long rss = -1;
      for (var line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          hwm = kb(line);
        } else if (line.startsWith("VmRSS:")) {
          rss = kb(line);
        }
      }
      return "vmHwmKb=" + hwm + " vmRssKb=" + rss;
    } catch (IOException e) {
      return "vmHwmKb=-1 vmRssKb=-1";
    }
  }

  private static long kb(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", ""));
  }

  /**
   * The input and output types the handler declares for {@link RequestHandler}, resolved through
   * its superclasses (e.g. {@code MicronautRequestHandler<Map<String, Object>, R>}), as the
   * runtime resolves them; {@code Object} where a type stays unbound.
   */
  static Type[] handlerTypes(Class<?> handler) {
    var bindings = new HashMap<TypeVariable<?>, Type>();
    Class<?> c = handler;
    while (c != null) {
      for (Type t : c.getGenericInterfaces()) {
        Type[] found = match(t, bindings);
        if (found != null) {
          return found;
        }
      }
      Type sup = c.getGenericSuperclass();
      if (sup instanceof ParameterizedType p) {
        var raw = (Class<?>) p.getRawType();
        var vars = raw.getTypeParameters();
        var args = p.getActualTypeArguments();
        for (int i = 0; i < vars.length; i++) {
          bindings.put(vars[i], resolve(args[i], bindings));
        }
        c = raw;
      } else {
        c = c.getSuperclass();
      }
    }
    return new Type[] {Object.class, Object.class};
  }

  private static Type[] match(Type t, Map<TypeVariable<?>, Type> bindings) {
    if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
      var args = p.getActualTypeArguments();
      return new Type[] {resolve(args[0], bindings), resolve(args[1], bindings)};
    }
    return null;
  }

  private static Type resolve(Type t, Map<TypeVariable<?>, Type> bindings) {
    if (t instanceof TypeVariable<?> v) {
      return bindings.getOrDefault(v, Object.class);
    }
    return t;
  }

  /** What a handler may ask of its context; values like the runtime's, nothing is timed here. */
  private record StubContext(String function) implements Context {

    private static final String REQUEST_ID = UUID.randomUUID().toString();

    @Override
    public String getAwsRequestId() {
      return REQUEST_ID;
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/" + function;
    }

    @Override
    public String getLogStreamName() {
      return "coldstart";
    }

    @Override
    public String getFunctionName() {
      return function;
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:eu-west-1:123456789012:function:" + function;
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 900_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          System.err.println(message);
        }

        @Override
        public void log(byte[] message) {
          System.err.println(new String(message, StandardCharsets.UTF_8));
        }
      };
    }
  }
}
