"""Cross-body views: データの流れ between departments, リスク対策の比較, and assessment status."""
