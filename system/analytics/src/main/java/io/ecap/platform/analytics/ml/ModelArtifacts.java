package io.ecap.platform.analytics.ml;

import io.ecap.platform.core.fraud.model.FraudModelJson;
import io.ecap.platform.core.fraud.model.FraudModelParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A model version's files in the lake, under {@code <lake>/models/<name>/v<version>/}: {@code model.json} (the
 * export the fraud service scores with), {@code mllib/} (the MLlib model) and {@code baseline/} (a Delta table of
 * the training features and scores: the reference for drift monitoring). Written through Hadoop's FileSystem, so
 * the lake may be a local directory, a PVC or an object store.
 */
public final class ModelArtifacts {

  private final SparkSession spark;
  private final String directory;

  public ModelArtifacts(SparkSession spark, String directory) {
    this.spark = spark;
    this.directory = directory;
  }

  public static String directoryPattern(String modelsRoot, String modelName) {
    return modelsRoot + "/" + modelName + "/v{version}";
  }

  public String directory() {
    return directory;
  }

  public void save(FraudModelParameters parameters, LogisticRegressionModel model, Dataset<Row> baseline) {
    writeJson(parameters);
    try {
      model.write().overwrite().save(directory + "/mllib");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    baseline.write().format("delta").mode("overwrite").save(directory + "/baseline");
  }

  public void writeJson(FraudModelParameters parameters) {
    Path file = new Path(directory + "/model.json");
    try (OutputStream os = fs(file).create(file, true)) {
      os.write(FraudModelJson.write(parameters).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public FraudModelParameters readJson() {
    Path file = new Path(directory + "/model.json");
    try (InputStream in = fs(file).open(file)) {
      return FraudModelJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public LogisticRegressionModel mllibModel() {
    return LogisticRegressionModel.load(directory + "/mllib");
  }

  public Dataset<Row> baseline() {
    return spark.read().format("delta").load(directory + "/baseline");
  }

  private FileSystem fs(Path path) throws IOException {
    return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }
}
