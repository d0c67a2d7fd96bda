package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** The environment's Redis cache. */
public class RedisSpec {

  @JsonPropertyDescription("Redis image.")
  @Default("redis:7")
  @Pattern(Formats.IMAGE)
  private String image;

  public String getImage() { return image; }
  public void setImage(String image) { this.image = image; }
}
