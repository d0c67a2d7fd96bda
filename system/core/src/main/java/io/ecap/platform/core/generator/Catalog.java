package io.ecap.platform.core.generator;

import io.ecap.platform.core.domain.Product;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generated products: category mix, log-normal prices around a per-category median, x.99 price points. */
final class Catalog {

  record Category(String name, long medianCents, double weight, String[] nouns) {
  }

  static final List<Category> CATEGORIES = List.of(
      new Category("electronics", 12_000, 0.14, new String[] {"Headphones", "Charger", "Speaker", "Camera", "Tablet", "Monitor"}),
      new Category("home", 3_500, 0.16, new String[] {"Lamp", "Blanket", "Vase", "Pan", "Kettle", "Shelf"}),
      new Category("fashion", 4_000, 0.20, new String[] {"Jacket", "Sneakers", "Scarf", "Shirt", "Dress", "Belt"}),
      new Category("books", 1_500, 0.12, new String[] {"Novel", "Cookbook", "Atlas", "Biography", "Guide", "Anthology"}),
      new Category("beauty", 2_000, 0.10, new String[] {"Serum", "Lotion", "Perfume", "Shampoo", "Balm", "Mask"}),
      new Category("sports", 4_500, 0.10, new String[] {"Racket", "Yoga Mat", "Bottle", "Helmet", "Ball", "Gloves"}),
      new Category("toys", 2_500, 0.08, new String[] {"Puzzle", "Robot", "Blocks", "Doll", "Kite", "Board Game"}),
      new Category("grocery", 800, 0.10, new String[] {"Coffee", "Tea", "Chocolate", "Olive Oil", "Honey", "Pasta"}));

  private static final String[] ADJECTIVES = {"Classic", "Premium", "Compact", "Eco", "Deluxe", "Smart", "Vintage", "Urban"};

  private final List<Product> products;
  private final List<Integer> electronics = new ArrayList<>();
  private final ZipfSampler popularity;
  private final int[] rankToProduct;

  Catalog(SplittableRandom random, Ids ids, int count, Instant start) {
    double[] weights = CATEGORIES.stream().mapToDouble(Category::weight).toArray();
    WeightedChoice<Category> categories = new WeightedChoice<>(CATEGORIES, weights);
    List<Product> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Category category = categories.sample(random);
      double logPrice = Math.log(category.medianCents()) + 0.6 * random.nextGaussian();
      long cents = Math.max(99, Math.min(250_000, Math.round(Math.exp(logPrice) / 100.0) * 100 - 1));
      var id = ids.next();
      String name = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " "
          + category.nouns()[random.nextInt(category.nouns().length)] + " " + (100 + random.nextInt(900));
      boolean active = random.nextDouble() < 0.97;
      Instant created = start.minus(Duration.ofDays(30 + random.nextInt(700)));
      list.add(new Product(id, "SKU-" + id.toString().substring(0, 8).toUpperCase() + id.toString().substring(24, 28)
          .toUpperCase(), name, category.name(), cents, "EUR", active, created));
      if (category.name().equals("electronics") && active) {
        electronics.add(i);
      }
    }
    products = List.copyOf(list);
    // Popularity ranks are a random permutation, so popular products are spread over categories and prices.
    rankToProduct = new int[count];
    for (int i = 0; i < count; i++) {
      rankToProduct[i] = i;
    }
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = rankToProduct[i];
      rankToProduct[i] = rankToProduct[j];
      rankToProduct[j] = t;
    }
    popularity = new ZipfSampler(count, 1.07);
  }

  List<Product> products() {
    return products;
  }

  /** A product by popularity; inactive products are not sold, so the draw is repeated for them. */
  Product popular(SplittableRandom random) {
    for (int attempt = 0; attempt < 50; attempt++) {
      Product p = products.get(rankToProduct[popularity.sample(random)]);
      if (p.active()) {
        return p;
      }
    }
    return products.stream().filter(Product::active).findFirst().orElse(products.get(0));
  }

  /** An expensive product (electronics), what fraudsters prefer because it resells. */
  Product expensive(SplittableRandom random) {
    if (electronics.isEmpty()) {
      return popular(random);
    }
    return products.get(electronics.get(random.nextInt(electronics.size())));
  }
}
