package io.ecap.testenv.operator.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates the CRD's {@code x-kubernetes-validations} rules with Google's CEL implementation, on the
 * defaulted resource, the way the API server does: each rule sees its node as {@code self} (and the
 * previous version as {@code oldSelf} for transition rules, which apply only to updates).
 * A rule that cannot be compiled here (a Kubernetes-only function) is reported, never skipped silently.
 */
final class CelRuleEvaluator {

  private final CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .setOptions(options())
      .addVar("self", SimpleType.DYN)
      .addVar("oldSelf", SimpleType.DYN)
      .build();
  private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(options()).build();
  private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

  private static CelOptions options() {
    return CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
  }

  /** Validates a new resource (no transition rules). */
  List<ValidationError> validate(JsonNode resource, JsonNode schema) {
    return validate(resource, null, schema);
  }

  /** Validates an update: transition rules ({@code oldSelf}) apply where both versions have the node. */
  List<ValidationError> validate(JsonNode resource, JsonNode oldResource, JsonNode schema) {
    List<ValidationError> errors = new ArrayList<>();
    walk(resource, oldResource, schema, "", errors);
    return errors;
  }

  /** Compiles every rule of a schema: the rules a CRD ships must all be checkable here. */
  List<ValidationError> compileAll(JsonNode schema, String path) {
    List<ValidationError> errors = new ArrayList<>();
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      try {
        program(rule.path("rule").asText());
        if (rule.has("messageExpression")) {
          program(rule.path("messageExpression").asText());
        }
      } catch (IllegalArgumentException e) {
        errors.add(new ValidationError(path, e.getMessage()));
      }
    }
    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      errors.addAll(compileAll(property.getValue(), FieldPath.child(path, property.getKey())));
    }
    if (schema.has("items")) {
      errors.addAll(compileAll(schema.get("items"), path + "[*]"));
    }
    return errors;
  }

  private void walk(JsonNode node, JsonNode oldNode, JsonNode schema, String path, List<ValidationError> errors) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      evaluate(rule, node, oldNode, path, errors);
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
      while (properties.hasNext()) {
        Map.Entry<String, JsonNode> property = properties.next();
        String name = property.getKey();
        JsonNode oldChild = oldNode == null ? null : oldNode.get(name);
        walk(node.get(name), oldChild, property.getValue(), FieldPath.child(path, name), errors);
      }
    } else if (node.isArray() && schema.has("items")) {
      // Kubernetes correlates list items of an atomic list only by position for transition rules; we
      // do not apply transition rules inside lists.
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), null, schema.get("items"), FieldPath.index(path, i), errors);
      }
    }
  }

  private void evaluate(JsonNode rule, JsonNode node, JsonNode oldNode, String path, List<ValidationError> errors) {
    String expression = rule.path("rule").asText();
    boolean transition = expression.contains("oldSelf");
    if (transition && oldNode == null) {
      return; // transition rules do not apply on create
    }
    String field = FieldPath.withRelative(path, rule.path("fieldPath").asText(""));
    Map<String, Object> variables = new HashMap<>();
    variables.put("self", JsonToCel.convert(node));
    if (transition) {
      variables.put("oldSelf", JsonToCel.convert(oldNode));
    }
    try {
      Object result = program(expression).eval(variables);
      if (!Boolean.TRUE.equals(result)) {
        errors.add(new ValidationError(field, message(rule, variables)));
      }
    } catch (IllegalArgumentException e) {
      errors.add(new ValidationError(field, e.getMessage()));
    } catch (CelEvaluationException e) {
      errors.add(new ValidationError(field, "rule `" + expression + "` could not be evaluated: " + e.getMessage()));
    }
  }

  private String message(JsonNode rule, Map<String, Object> variables) {
    if (rule.has("messageExpression")) {
      try {
        return String.valueOf(program(rule.get("messageExpression").asText()).eval(variables));
      } catch (CelEvaluationException | IllegalArgumentException e) {
        // fall through to the static message, as the API server does
      }
    }
    if (rule.has("message")) {
      return rule.get("message").asText();
    }
    return "failed rule: " + rule.path("rule").asText();
  }

  private CelRuntime.Program program(String expression) {
    return programs.computeIfAbsent(expression, this::compile);
  }

  private CelRuntime.Program compile(String expression) {
    try {
      CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
      return runtime.createProgram(ast);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalArgumentException("rule `" + expression + "` is not checked locally (it does not compile"
          + " with the standard CEL environment: " + firstLine(e.getMessage()) + ")", e);
    }
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }

  /** JSON to the values CEL expects: Long for integers, Double for decimals, Map and List. */
  static final class JsonToCel {
    private JsonToCel() {
    }

    static Object convert(JsonNode node) {
      if (node.isObject()) {
        Map<String, Object> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), convert(e.getValue())));
        return map;
      }
      if (node.isArray()) {
        List<Object> list = new ArrayList<>();
        node.forEach(item -> list.add(convert(item)));
        return list;
      }
      if (node.isIntegralNumber()) {
        return node.asLong();
      }
      if (node.isNumber()) {
        return node.asDouble();
      }
      if (node.isBoolean()) {
        return node.asBoolean();
      }
      if (node.isNull()) {
        return dev.cel.common.values.NullValue.NULL_VALUE;
      }
      return node.asText();
    }
  }
}
