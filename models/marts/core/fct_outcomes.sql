{{ measure_facts('outcome') }}
