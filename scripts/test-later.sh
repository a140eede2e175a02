#!/usr/bin/env bash
# The engine tests as they will run on a later day: the system clock moved ahead with Debian's faketime
# (installed when missing), so that a test which expires fails on the day it is written, not weeks later.
#   npm run test:later [-- jest arguments]      TEST_CLOCK_SHIFT=+800d npm run test:later
set -euo pipefail
cd "$(dirname "$0")/.."
shift_by=${TEST_CLOCK_SHIFT:-+400d}
faketime=$(bash scripts/ensure-tool.sh faketime faketime | tail -n 1)
# Proof that the clock Node reads really moved (an LD_PRELOAD that did not take would pass everything).
ahead_days=$("$faketime" -f "$shift_by" node -e 'console.log(Math.round((Date.now() - Number(process.argv[1])) / 864e5))' "$(node -e 'console.log(Date.now())')")
expected_days=${shift_by//[^0-9]/}
if [ "$ahead_days" -lt $((expected_days - 1)) ]; then
	echo "faketime did not move Node's clock (${ahead_days} days ahead, wanted ${shift_by})" >&2
	exit 1
fi
echo "Engine tests with the clock ${ahead_days} days ahead: $("$faketime" -f "$shift_by" date -u +%Y-%m-%dT%H:%MZ)"
exec "$faketime" -f "$shift_by" npx jest "$@"
