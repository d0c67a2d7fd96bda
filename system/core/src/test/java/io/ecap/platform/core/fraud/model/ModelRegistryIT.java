package io.ecap.platform.core.fraud.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecap.platform.core.fraud.features.FraudFeatures;
import io.ecap.platform.core.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Versions, stages and the one-production invariant against a real PostgreSQL with the V20 migration. */
class ModelRegistryIT {

  static EmbeddedPostgres postgres;
  static ModelRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    Database.migrate(postgres.getPostgresDatabase());
    registry = new ModelRegistry(postgres.getPostgresDatabase());
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  static FraudModelParameters params(String name, double auc) {
    return new FraudModelParameters(name, 0, "test", FraudFeatures.NAMES, 0.5,
        Collections.nCopies(FraudFeatures.NAMES.size(), 0.25), 0.5, Map.of("auc", auc), Instant.now());
  }

  @Test
  void versionsAreNumberedPerModelAndCarriedIntoTheStoredParameters() throws SQLException {
    RegisteredModel a1 = registry.register(params("m-a", 0.8), "/lake/models/m-a/v{version}");
    RegisteredModel a2 = registry.register(params("m-a", 0.9), "/lake/models/m-a/v{version}");
    RegisteredModel b1 = registry.register(params("m-b", 0.7), "/lake/models/m-b/v{version}");
    assertThat(a1.version()).isEqualTo(1);
    assertThat(a2.version()).isEqualTo(2);
    assertThat(b1.version()).isEqualTo(1);
    assertThat(a2.parameters().version()).isEqualTo(2);
    assertThat(a2.artifactPath()).isEqualTo("/lake/models/m-a/v2");
    assertThat(a2.stage()).isEqualTo(ModelStage.STAGING);
    assertThat(registry.versions("m-a")).extracting(RegisteredModel::version).containsExactly(2, 1);
    assertThat(registry.production("m-a")).isEmpty();
  }

  @Test
  void promotionKeepsExactlyOneProductionVersion() throws SQLException {
    registry.register(params("m-c", 0.8), "x/v{version}");
    registry.register(params("m-c", 0.9), "x/v{version}");
    registry.promote("m-c", 1);
    RegisteredModel promoted = registry.promote("m-c", 2);
    assertThat(promoted.stage()).isEqualTo(ModelStage.PRODUCTION);
    assertThat(promoted.promotedAt()).isNotNull();
    assertThat(registry.version("m-c", 1).orElseThrow().stage()).isEqualTo(ModelStage.ARCHIVED);
    assertThat(registry.production("m-c").orElseThrow().parameters().metrics()).containsEntry("auc", 0.9);
    assertThatThrownBy(() -> registry.promote("m-c", 9)).hasMessageContaining("no version 9");
    // The database itself refuses a second production row, whatever the code does.
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("UPDATE model_registry SET stage = 'PRODUCTION' WHERE model_name = 'm-c'"))
          .isInstanceOf(SQLException.class).hasMessageContaining("model_registry_one_production");
    }
  }
}
