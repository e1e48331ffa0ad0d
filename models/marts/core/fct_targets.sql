{{ measure_facts('target') }}
