package io.ecap.testenv.operator.api.spec;

/** How the lake volume may be mounted; every pod of a run that uses the lake mounts the same claim. */
public enum LakeAccessMode {
  /** Read-write by the pods of one node: enough on a single-node cluster such as kind. */
  ReadWriteOnce,
  /** Read-write by pods on any node: what a multi-node cluster needs, from a storage class that offers it. */
  ReadWriteMany
}
