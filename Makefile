# ECAP Test Environments. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VERSION       := 0.1.0
MVN           ?= mvn
MVN_FLAGS     ?= -B -ntp
RUN           ?= examples/testrun.yaml
FILE          ?=
KIND_CLUSTER  ?= ecap
REGISTRY      ?= ecap
IMAGES        := operator platform test-runner
STRIMZI_VERSION ?= 0.49.0
CRD_FILE      := integrationtestruns.testing.ecap.io-v1.yml
API_CLI_JAR   := operator/api/target/operator-api-$(VERSION)-SNAPSHOT-cli.jar
PROFILE       ?= small
PLATFORM_JAR  := system/services/target/system-services-$(VERSION)-SNAPSHOT-platform.jar
RUNNER_JAR    := test-runner/target/test-runner-$(VERSION)-SNAPSHOT-launcher.jar
OPERATOR_JAR  := operator/core/target/operator-core-$(VERSION)-SNAPSHOT.jar

.PHONY: help build run test bench crds validate render platform images kind-up kind-load deploy kind-e2e kind-down clean \
        require-docker require-kind require-kubectl require-helm

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-11s %s\n", $$1, $$2}'

build: ## Compile every module and package the jars (no tests)
	$(MVN) $(MVN_FLAGS) install -DskipTests

$(API_CLI_JAR):
	$(MVN) $(MVN_FLAGS) -pl operator/api -am install -DskipTests -q

test: ## The test command: every module's *Test and *IT (real Kafka, PostgreSQL, Redis, Pushgateway, Chromium)
	test-runner/src/test/scripts/ensure-chromium.sh
	test-runner/src/test/scripts/ensure-prometheus.sh
	$(MVN) $(MVN_FLAGS) install

run: ## Embedded main job: validate $(RUN), start the embedded platform, run the suites, exit with the gates' verdict
	$(MVN) $(MVN_FLAGS) -q -pl test-runner,system/services,system/analytics -am install -DskipTests
	java -jar $(RUNNER_JAR) run $(RUN)

bench: ## Benchmarks (each module's `bench` profile): every figure beside a baseline measured in the same run
	$(MVN) $(MVN_FLAGS) -q install -DskipTests
	$(MVN) $(MVN_FLAGS) -Pbench verify -DskipTests

platform: ## Start the embedded platform in the foreground (Ctrl-C stops it): make platform [PROFILE=small]
	$(MVN) $(MVN_FLAGS) -q -pl system/services -am install -DskipTests
	java -jar $(PLATFORM_JAR) --embedded --profile $(PROFILE)

crds: ## Regenerate crds/ and the README's CR reference from the Java classes
	$(MVN) $(MVN_FLAGS) -q -pl operator/api -am install -DskipTests
	cp operator/api/target/classes/META-INF/fabric8/$(CRD_FILE) crds/$(CRD_FILE)
	cp crds/$(CRD_FILE) helm/ecap-operator/crds/$(CRD_FILE)
	java -cp $(API_CLI_JAR) io.ecap.testenv.operator.api.docs.CrdReference README.md
	@echo "crds/$(CRD_FILE), helm/ecap-operator/crds/ and README.md regenerated"

validate: $(API_CLI_JAR) ## Check IntegrationTestRun files: make validate FILE=path [FILE2...]
	@if [ -z "$(FILE)" ]; then echo "make validate: say which file, e.g. make validate FILE=examples/testrun.yaml"; exit 2; fi
	@java -jar $(API_CLI_JAR) validate $(FILE)

$(OPERATOR_JAR):
	$(MVN) $(MVN_FLAGS) -q -pl operator/core -am install -DskipTests

render: $(OPERATOR_JAR) ## Print every manifest the operator would create for a run: make render FILE=path
	@if [ -z "$(FILE)" ]; then echo "make render: say which file, e.g. make render FILE=examples/testrun.yaml"; exit 2; fi
	@java -jar $(OPERATOR_JAR) render $(FILE)

require-docker:
	@command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1 || \
	  { echo "$(MAKECMDGOALS): needs a running Docker engine, and 'docker info' failed here (no engine, or no access to it)."; exit 2; }
require-kind: require-docker
	@command -v kind >/dev/null 2>&1 || { echo "$(MAKECMDGOALS): needs kind on the PATH (https://kind.sigs.k8s.io), and it is missing."; exit 2; }
require-kubectl:
	@command -v kubectl >/dev/null 2>&1 || { echo "$(MAKECMDGOALS): needs kubectl on the PATH, and it is missing."; exit 2; }
require-helm:
	@command -v helm >/dev/null 2>&1 || { echo "$(MAKECMDGOALS): needs helm on the PATH, and it is missing."; exit 2; }

images: require-docker ## Build the operator, platform and test-runner images tagged $(VERSION)
	docker build --build-arg VERSION=$(VERSION) -t $(REGISTRY)/operator:$(VERSION) -f operator/Dockerfile .
	docker build --build-arg VERSION=$(VERSION) -t $(REGISTRY)/platform:$(VERSION) -f system/Dockerfile .
	docker build --build-arg VERSION=$(VERSION) -t $(REGISTRY)/test-runner:$(VERSION) -f test-runner/Dockerfile .

kind-up: require-kind ## Create the local kind cluster from kind-config.yaml
	kind get clusters | grep -qx $(KIND_CLUSTER) || kind create cluster --name $(KIND_CLUSTER) --config kind-config.yaml

kind-load: require-kind images ## Load the images into kind
	@for image in $(IMAGES); do kind load docker-image $(REGISTRY)/$$image:$(VERSION) --name $(KIND_CLUSTER) || exit 1; done

deploy: require-kind require-kubectl require-helm ## Install Strimzi $(STRIMZI_VERSION) and the operator's chart into kind
	@if [ ! -f helm/ecap-operator/Chart.yaml ]; then echo "make deploy: the chart helm/ecap-operator does not exist yet"; exit 2; fi
	kubectl create namespace strimzi --dry-run=client -o yaml | kubectl apply -f -
	helm upgrade --install strimzi oci://quay.io/strimzi-helm/strimzi-kafka-operator --version $(STRIMZI_VERSION) \
	  --namespace strimzi --set watchAnyNamespace=true --wait
	helm upgrade --install ecap-operator helm/ecap-operator --namespace ecap-system --create-namespace --wait

kind-e2e: kind-up kind-load deploy ## Run examples/testrun.yaml on kind and exit with its verdict
	kubectl apply -f $(RUN)
	@name=$$(kubectl create --dry-run=client -f $(RUN) -o jsonpath='{.metadata.name}'); \
	kubectl wait itr/$$name --for=jsonpath='{.status.phase}'=Succeeded --timeout=60m || true; \
	kubectl get itr; \
	phase=$$(kubectl get itr/$$name -o jsonpath='{.status.phase}'); \
	kubectl get itr/$$name -o jsonpath='{.status.results}'; echo; \
	[ "$$phase" = Succeeded ]

kind-down: require-kind ## Delete the kind cluster
	kind delete cluster --name $(KIND_CLUSTER)

clean: ## Remove build output
	$(MVN) $(MVN_FLAGS) -q clean
