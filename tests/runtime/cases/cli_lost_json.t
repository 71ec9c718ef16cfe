# Lost events in JSON: {"type": "lost_events", "data": {"events": N}}
      4 {"type": "read_errors", "data": {"at": "stdin:1:COL", "what": "str", "reads": 20000, "failed": 20000, "error": "Bad address"}}
