package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** The environment's PostgreSQL database. */
public class PostgresSpec {

  @JsonPropertyDescription("PostgreSQL image.")
  @Default("postgres:16")
  @Pattern(Formats.IMAGE)
  private String image;

  @JsonPropertyDescription("Size of the data volume (a quantity such as 1Gi).")
  @Default("1Gi")
  @Pattern(Formats.QUANTITY)
  private String storage;

  @JsonPropertyDescription("Name of the database the platform uses.")
  @Default("ecap")
  @Pattern("^[a-z_][a-z0-9_]*$")
  @Size(max = 63)
  private String database;

  public String getImage() { return image; }
  public void setImage(String image) { this.image = image; }
  public String getStorage() { return storage; }
  public void setStorage(String storage) { this.storage = storage; }
  public String getDatabase() { return database; }
  public void setDatabase(String database) { this.database = database; }
}
