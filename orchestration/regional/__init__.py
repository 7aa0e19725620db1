"""The region: the pseudonymised share an authority sends, and the hub that pools many authorities' shares."""
