package io.ecap.testrunner.report;

import io.ecap.testrunner.results.FailureInfo;
import io.ecap.testrunner.results.Outcome;
import io.ecap.testrunner.results.ShardResult;
import io.ecap.testrunner.results.TestCase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a shard's results as Surefire-style JUnit XML, one file per suite
 * ({@code TEST-<suite>-shard-<i>.xml}), which Jenkins, GitLab, GitHub reporters and Maven's own
 * report plugin read. A flaky test is a passing test case carrying one {@code flakyFailure} (or
 * {@code flakyError}) per failed attempt; a test that failed every attempt carries its
 * {@code failure} (or {@code error}) followed by {@code rerunFailure} (or {@code rerunError}) elements.
 */
public final class JUnitXmlWriter {

  private static final String SCHEMA =
      "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd";

  private JUnitXmlWriter() {
  }

  /** Writes one file per suite of the shard into {@code dir}; returns the files. */
  public static List<Path> write(ShardResult result, Path dir) {
    List<Path> files = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (String suite : result.suites()) {
        Path file = dir.resolve("TEST-" + suite + "-shard-" + result.shardIndex() + ".xml");
        List<TestCase> tests = result.tests().stream().filter(t -> t.suite().equals(suite)).toList();
        try (OutputStream out = Files.newOutputStream(file)) {
          writeSuite(out, suite, tests, result.suiteSeconds().getOrDefault(suite, 0.0), result);
        }
        files.add(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    return files;
  }

  private static void writeSuite(OutputStream out, String suite, List<TestCase> tests, double seconds, ShardResult result)
      throws XMLStreamException {
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
    xml.writeStartElement("testsuite");
    xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
    xml.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "noNamespaceSchemaLocation", SCHEMA);
    xml.writeAttribute("version", "3.0.2");
    xml.writeAttribute("name", suite);
    xml.writeAttribute("time", time(seconds));
    xml.writeAttribute("tests", Integer.toString(tests.size()));
    xml.writeAttribute("errors", Long.toString(tests.stream().filter(t -> t.outcome() == Outcome.FAILED && !assertion(t)).count()));
    xml.writeAttribute("skipped", Long.toString(tests.stream().filter(t -> t.outcome() == Outcome.SKIPPED).count()));
    xml.writeAttribute("failures", Long.toString(tests.stream().filter(t -> t.outcome() == Outcome.FAILED && assertion(t)).count()));
    xml.writeAttribute("timestamp", result.startedAt().toString());
    xml.writeCharacters("\n  ");
    xml.writeStartElement("properties");
    property(xml, "ecap.run", result.runId());
    property(xml, "ecap.shard", result.shardIndex() + "/" + result.shardCount());
    property(xml, "ecap.suite", suite);
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
    for (TestCase test : tests) {
      xml.writeCharacters("\n  ");
      testCase(xml, test);
    }
    xml.writeCharacters("\n");
    xml.writeEndElement();
    xml.writeCharacters("\n");
    xml.writeEndDocument();
    xml.close();
  }

  private static void testCase(XMLStreamWriter xml, TestCase test) throws XMLStreamException {
    boolean empty = test.outcome() == Outcome.PASSED;
    if (empty) {
      xml.writeEmptyElement("testcase");
    } else {
      xml.writeStartElement("testcase");
    }
    xml.writeAttribute("name", clean(test.name()));
    xml.writeAttribute("classname", test.className());
    xml.writeAttribute("time", time(test.durationSeconds()));
    switch (test.outcome()) {
      case PASSED -> { }
      case SKIPPED -> {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("skipped");
        if (test.skipReason() != null) {
          xml.writeAttribute("message", clean(test.skipReason()));
        }
      }
      case FLAKY -> {
        for (FailureInfo failure : test.failures()) {
          nested(xml, failure.assertion() ? "flakyFailure" : "flakyError", failure);
        }
      }
      case FAILED -> {
        FailureInfo first = test.failures().get(0);
        xml.writeCharacters("\n    ");
        xml.writeStartElement(first.assertion() ? "failure" : "error");
        attributes(xml, first);
        xml.writeCharacters(clean(first.stackTrace()));
        xml.writeEndElement();
        for (FailureInfo rerun : test.failures().subList(1, test.failures().size())) {
          nested(xml, rerun.assertion() ? "rerunFailure" : "rerunError", rerun);
        }
      }
    }
    if (!empty) {
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
    }
  }

  /** Surefire's shape for flaky and rerun elements: attributes plus a {@code stackTrace} child. */
  private static void nested(XMLStreamWriter xml, String element, FailureInfo failure) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement(element);
    attributes(xml, failure);
    xml.writeCharacters("\n      ");
    xml.writeStartElement("stackTrace");
    xml.writeCharacters(clean(failure.stackTrace()));
    xml.writeEndElement();
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
  }

  private static void attributes(XMLStreamWriter xml, FailureInfo failure) throws XMLStreamException {
    if (failure.message() != null) {
      xml.writeAttribute("message", clean(failure.message()));
    }
    xml.writeAttribute("type", failure.type());
  }

  private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", clean(value));
  }

  private static boolean assertion(TestCase test) {
    return test.failures().isEmpty() || test.failures().get(0).assertion();
  }

  private static String time(double seconds) {
    return String.format(Locale.ROOT, "%.3f", seconds);
  }

  /** Removes what XML 1.0 cannot hold (control characters a test message may contain). */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
          || (c >= 0x10000 && c <= 0x10FFFF);
      out.appendCodePoint(allowed ? c : '?');
    });
    return out.toString();
  }
}
