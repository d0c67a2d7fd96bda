package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** Where results are pushed as metrics. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MetricsSpec {

  @JsonPropertyDescription("URL of a Prometheus Pushgateway; the runner pushes ecap_test_* metrics grouped by run and shard. Nothing is pushed when omitted (the operator's setting may provide one).")
  @Pattern(Formats.HTTP_URL)
  private String pushgatewayUrl;

  public String getPushgatewayUrl() { return pushgatewayUrl; }
  public void setPushgatewayUrl(String pushgatewayUrl) { this.pushgatewayUrl = pushgatewayUrl; }
}
