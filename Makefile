# The two commands: `make run` and `make test` (see README.md).
.PHONY: run test build import bench clean

run:
	@scripts/run.sh

test:
	@scripts/test.sh

import:
	@scripts/import.sh

bench:
	@scripts/bench.sh

build:
	mvn -B -q -DskipTests package

clean:
	mvn -B -q clean
