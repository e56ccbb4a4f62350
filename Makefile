# The two commands: `make run` and `make test` (see README.md).
.PHONY: run test build import bench clean

run:
	@scripts/run.sh

test:
	@scripts/test.sh

build:
	mvn -B -q -DskipTests install

clean:
	mvn -B -q clean
