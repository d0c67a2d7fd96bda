package io.ecap.platform.analytics.lake;

/** The medallion layers, plus the lake's own bookkeeping tables (quality reports, landing log). */
public enum Layer {
  BRONZE("bronze"), SILVER("silver"), GOLD("gold"), META("_meta");

  private final String directory;

  Layer(String directory) {
    this.directory = directory;
  }

  public String directory() {
    return directory;
  }
}
