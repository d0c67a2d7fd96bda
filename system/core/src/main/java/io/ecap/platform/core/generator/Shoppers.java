package io.ecap.platform.core.generator;

import io.ecap.platform.core.domain.Customer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Generated customers with their cards; repeat buying follows a Zipf law over customers. */
final class Shoppers {

  static final List<String> COUNTRIES = List.of("DE", "FR", "GB", "NL", "ES", "IT", "PL", "SE", "AT", "BE", "US", "IE");
  private static final double[] COUNTRY_WEIGHTS = {0.24, 0.16, 0.15, 0.08, 0.08, 0.08, 0.05, 0.04, 0.03, 0.03, 0.04, 0.02};
  /** Billing countries of stolen cards in the mismatch pattern: never a customer country above. */
  static final List<String> RISKY_COUNTRIES = List.of("NG", "RU", "VN", "BR", "ID", "UA");
  private static final String[] FIRST = {"Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hugo", "Ines", "Jonas",
      "Karla", "Luca", "Mia", "Noah", "Olga", "Paul", "Rosa", "Sami", "Tara", "Viktor"};
  private static final String[] LAST = {"Schmidt", "Martin", "Smith", "de Vries", "Garcia", "Rossi", "Nowak", "Berg",
      "Huber", "Peeters", "Johnson", "Murphy", "Keller", "Moreau", "Brown", "Lopez"};

  record Shopper(Customer customer, List<String> cards) {
  }

  private final WeightedChoice<String> countries = new WeightedChoice<>(COUNTRIES, COUNTRY_WEIGHTS);
  private final List<Shopper> shoppers = new ArrayList<>();
  private final ZipfSampler activity;
  private final Ids ids;

  Shoppers(SplittableRandom random, Ids ids, int count, Instant start) {
    this.ids = ids;
    for (int i = 0; i < count; i++) {
      Instant created = start.minus(Duration.ofDays(1 + random.nextInt(730))).plusSeconds(random.nextInt(86_400));
      shoppers.add(newShopper(random, created));
    }
    activity = new ZipfSampler(count, 0.9);
  }

  List<Shopper> all() {
    return shoppers;
  }

  /** A shopper drawn by activity: a few buy often, most buy once or twice. */
  Shopper active(SplittableRandom random) {
    return shoppers.get(activity.sample(random));
  }

  Shopper any(SplittableRandom random) {
    return shoppers.get(random.nextInt(shoppers.size()));
  }

  /** A brand-new account (not part of the repeat-buyer population). */
  Shopper newShopper(SplittableRandom random, Instant created) {
    var id = ids.next();
    String first = FIRST[random.nextInt(FIRST.length)];
    String last = LAST[random.nextInt(LAST.length)];
    // The id's first block makes e-mails unique across datasets generated with different seeds.
    String email = (first + "." + last.replace(" ", "")).toLowerCase(Locale.ROOT) + "." + id.toString().substring(0, 8)
        + "@example.com";
    Customer customer = new Customer(id, email, first + " " + last, countries.sample(random), created);
    double u = random.nextDouble();
    int cards = u < 0.85 ? 1 : u < 0.97 ? 2 : 3;
    List<String> list = new ArrayList<>(cards);
    for (int c = 0; c < cards; c++) {
      list.add(ids.cardFingerprint());
    }
    return new Shopper(customer, List.copyOf(list));
  }

  String otherCountry(SplittableRandom random, String not) {
    String c;
    do {
      c = countries.sample(random);
    } while (c.equals(not));
    return c;
  }
}
