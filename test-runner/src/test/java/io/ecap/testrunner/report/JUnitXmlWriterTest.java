package io.ecap.testrunner.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testrunner.launch.SampleShards;
import io.ecap.testrunner.launch.ShardEnvironment;
import io.ecap.testrunner.results.ShardResult;
import io.ecap.testrunner.samples.FlakyChecks;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JUnit XML of a real shard, read back by Maven Surefire's own report parser and by a DOM parser. */
class JUnitXmlWriterTest {

  @TempDir
  Path dir;

  private List<Path> files;

  @BeforeEach
  void runShard() {
    FlakyChecks.reset();
    ShardResult result = new SampleShards(dir).with(ShardEnvironment.SUITES, "beta,flaky")
        .with(ShardEnvironment.RETRIES, "1").with(ShardEnvironment.SHARD_TOTAL, "1").run();
    files = JUnitXmlWriter.write(result, dir.resolve("xml"));
  }

  @Test
  void oneFilePerSuite() {
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactly("TEST-beta-shard-0.xml", "TEST-flaky-shard-0.xml");
  }

  @Test
  void surefiresParserReadsCountsFailuresAndFlakes() throws Exception {
    ReportTestSuite beta = parse(files.get(0));
    assertThat(beta.getNumberOfTests()).isEqualTo(4);
    assertThat(beta.getNumberOfFailures()).isEqualTo(1);
    assertThat(beta.getNumberOfErrors()).isEqualTo(1);
    assertThat(beta.getNumberOfSkipped()).isEqualTo(1);
    Map<String, ReportTestCase> cases = beta.getTestCases().stream()
        .collect(Collectors.toMap(ReportTestCase::getName, Function.identity()));
    assertThat(cases.get("alwaysFails").hasFailure()).isTrue();
    assertThat(cases.get("alwaysFails").getFailureMessage()).contains("the answer <&> \"quoted\"");
    assertThat(cases.get("alwaysFails").getFullClassName()).isEqualTo("io.ecap.testrunner.samples.BetaChecks");
    assertThat(cases.get("alwaysErrors").hasError()).isTrue();
    assertThat(cases.get("alwaysErrors").getFailureType()).isEqualTo("java.lang.IllegalStateException");
    assertThat(cases.get("aborts").hasSkipped()).isTrue();
    assertThat(cases.get("passes").isSuccessful()).isTrue();

    ReportTestSuite flaky = parse(files.get(1));
    assertThat(flaky.getNumberOfFlakes()).isEqualTo(1);
    assertThat(flaky.getNumberOfFailures()).isZero();
    ReportTestCase flakyCase = flaky.getTestCases().stream().filter(c -> c.getName().equals("passesOnSecondAttempt"))
        .findFirst().orElseThrow();
    assertThat(flakyCase.hasFlakes()).isTrue();
    assertThat(flakyCase.getFlakyFailures()).hasSize(1);
    assertThat(flakyCase.isSuccessful()).isTrue();
  }

  @Test
  void flakyAndRerunElementsHaveSurefiresShape() throws Exception {
    Document flaky = dom(files.get(1));
    Element root = flaky.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuite");
    assertThat(root.getAttribute("name")).isEqualTo("flaky");
    assertThat(root.getAttribute("tests")).isEqualTo("2");
    assertThat(root.getAttribute("failures")).isEqualTo("0");
    NodeList flakyFailures = flaky.getElementsByTagName("flakyFailure");
    assertThat(flakyFailures.getLength()).isEqualTo(1);
    Element flakyFailure = (Element) flakyFailures.item(0);
    assertThat(((Element) flakyFailure.getParentNode()).getAttribute("name")).isEqualTo("passesOnSecondAttempt");
    assertThat(flakyFailure.getAttribute("type")).isEqualTo("java.lang.AssertionError");
    assertThat(flakyFailure.getElementsByTagName("stackTrace").item(0).getTextContent()).contains("FlakyChecks");

    Document beta = dom(files.get(0));
    assertThat(beta.getElementsByTagName("rerunFailure").getLength()).isEqualTo(1);
    assertThat(beta.getElementsByTagName("rerunError").getLength()).isEqualTo(1);
    Element failure = (Element) beta.getElementsByTagName("failure").item(0);
    Element rerun = (Element) beta.getElementsByTagName("rerunFailure").item(0);
    assertThat(failure.getParentNode()).isSameAs(rerun.getParentNode());
    assertThat(rerun.getElementsByTagName("stackTrace").getLength()).isEqualTo(1);
    assertThat(((Element) beta.getElementsByTagName("skipped").item(0)).getAttribute("message"))
        .contains("not applicable on this profile");
    NodeList properties = beta.getElementsByTagName("property");
    assertThat(((Element) properties.item(0)).getAttribute("value")).isEqualTo("sample-run");
  }

  @Test
  void controlCharactersAreReplacedSoTheFileStaysXml() {
    assertThat(JUnitXmlWriter.clean("bell\u0007 and nul\u0000 end")).isEqualTo("bell? and nul? end");
  }

  private static ReportTestSuite parse(Path file) throws Exception {
    try (InputStreamReader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
      TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
      List<ReportTestSuite> suites = parser.parse(reader);
      assertThat(parser.isValid()).isTrue();
      return suites.get(0);
    }
  }

  private static Document dom(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }
}
