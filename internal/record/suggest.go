package record

// suggest returns the name among names closest to the misspelt s, or ""
// when none is close enough to be what the writer meant.
func suggest(s string, names []string) string {
	best, bestDist := "", 0
	for _, n := range names {
		dist := editDistance([]rune(s), []rune(n))
		limit := 1
		if len([]rune(n)) >= 5 {
			limit = 2
		}
		if dist <= limit && (best == "" || dist < bestDist) {
			best, bestDist = n, dist
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, over characters,
// so that "tên" is one edit from "ten".
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
