package io.ecap.testenv.operator.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** The run's data lake on Kubernetes: one PersistentVolumeClaim shared by seeding, Spark, the services and the runner. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LakeSpec {

  @JsonPropertyDescription("Size of the lake volume (a quantity such as 5Gi): the landing files plus the Delta bronze, silver and gold tables and the models.")
  @Default("5Gi")
  @Pattern(Formats.QUANTITY)
  private String storage;

  @JsonPropertyDescription("StorageClass of the lake volume; the cluster's default StorageClass when omitted.")
  @Pattern(Formats.DNS_SUBDOMAIN)
  @Size(max = 253)
  private String storageClassName;

  @JsonPropertyDescription("Access mode of the lake volume. ReadWriteOnce suits a single-node cluster such as kind; on a multi-node cluster the lake's pods may land on different nodes, so use ReadWriteMany (from a storage class that offers it) or keep the run's pods on one node.")
  @Default("ReadWriteOnce")
  private LakeAccessMode accessMode;

  public String getStorage() { return storage; }
  public void setStorage(String storage) { this.storage = storage; }
  public String getStorageClassName() { return storageClassName; }
  public void setStorageClassName(String storageClassName) { this.storageClassName = storageClassName; }
  public LakeAccessMode getAccessMode() { return accessMode; }
  public void setAccessMode(LakeAccessMode accessMode) { this.accessMode = accessMode; }
}
