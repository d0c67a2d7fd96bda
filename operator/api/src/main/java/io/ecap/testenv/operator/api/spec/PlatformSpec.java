package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The platform under test. ECAP's images and services are the defaults; any team can point it at its own. */
public class PlatformSpec {

  public static final String DEFAULT_IMAGE = "ecap/platform:0.1.0";

  @JsonPropertyDescription("Image that holds the platform's services, the dataset seeder and the Spark jobs.")
  @Default(DEFAULT_IMAGE)
  @Pattern(Formats.IMAGE)
  private String image;

  @JsonPropertyDescription("Services to run, each a Deployment and a Service. Defaults to ECAP's api, streaming, fraud and notifications.")
  @Default("[{\"name\":\"api\",\"args\":[\"--service\",\"api\"]},"
      + "{\"name\":\"streaming\",\"args\":[\"--service\",\"streaming\"]},"
      + "{\"name\":\"fraud\",\"args\":[\"--service\",\"fraud\"]},"
      + "{\"name\":\"notifications\",\"args\":[\"--service\",\"notifications\"]}]")
  @Size(min = 1, max = 20)
  @ValidationRule(value = "self.all(s, self.exists_one(t, t.name == s.name))",
      message = "must not name the same service twice")
  private List<PlatformServiceSpec> services;

  public String getImage() { return image; }
  public void setImage(String image) { this.image = image; }
  public List<PlatformServiceSpec> getServices() { return services; }
  public void setServices(List<PlatformServiceSpec> services) { this.services = services; }
}
