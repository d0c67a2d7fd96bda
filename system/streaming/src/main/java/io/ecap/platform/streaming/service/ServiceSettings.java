package io.ecap.platform.streaming.service;

import java.util.Map;
import javax.sql.DataSource;

/**
 * What every streaming service connects to. The launcher builds one from its endpoints (environment variables in a
 * cluster, the embedded infrastructure locally) and passes its own pool and registry.
 *
 * @param groupPrefix prefix of the consumer group ids ({@code ecap} gives {@code ecap-streaming}, ...); a test or
 *                    a parallel environment on a shared broker uses its own
 * @param kafkaClientProperties extra Kafka client properties (security in a cluster); empty locally
 */
public record ServiceSettings(String kafkaBootstrap, DataSource dataSource, String redisUrl, String groupPrefix,
                              Map<String, String> kafkaClientProperties) {

  public ServiceSettings {
    kafkaClientProperties = Map.copyOf(kafkaClientProperties);
  }

  public static ServiceSettings of(String kafkaBootstrap, DataSource dataSource, String redisUrl) {
    return new ServiceSettings(kafkaBootstrap, dataSource, redisUrl, "ecap", Map.of());
  }

  public ServiceSettings withGroupPrefix(String prefix) {
    return new ServiceSettings(kafkaBootstrap, dataSource, redisUrl, prefix, kafkaClientProperties);
  }

  public String group(String service) {
    return groupPrefix + '-' + service;
  }
}
