# The two commands: `make run` and `make test` (see README.md).
.PHONY: run test build import import-pacte export-pacte user bench replica clean

run:
	@scripts/run.sh

test:
	@scripts/test.sh

import:
	@scripts/import.sh

# make import-pacte FILE=pactes/paca-2024.yaml — load or replace one pacte (README, « Pacte documents »).
import-pacte:
	@scripts/import-pacte.sh "$(FILE)"

# make export-pacte PACTE=93-2024 [FILE=out.yaml] — the stored pacte as its document (stdout without FILE).
export-pacte:
	@scripts/export-pacte.sh "$(PACTE)" $(FILE)

# make user ARGS="add --login alice --role ADMIN" — accounts and API tokens (README, « Accounts and editing »).
user:
	@scripts/user.sh $(ARGS)

bench:
	@scripts/bench.sh

# make replica [ARGS=stop|drop] — a local hot standby streaming from PostgreSQL (README, « Read replicas »).
replica:
	@scripts/replica.sh $(ARGS)

build:
	mvn -B -q -DskipTests package

clean:
	mvn -B -q clean
