// Package suggest finds what a user most likely meant by a misspelt
// name: a TOML key, a member id, a field or function in a Word form.
package suggest

// Closest returns the candidate nearest to word in edit distance, counted
// in characters so that "tên" is one edit from "ten", when it is near
// enough to be a typo: one edit for words of up to four characters, two
// for longer ones. Among equally near candidates the first in order wins;
// with none near enough it returns "".
func Closest(word string, candidates []string) string {
	limit := 2
	if len([]rune(word)) <= 4 {
		limit = 1
	}
	best, bestD := "", limit+1
	w := []rune(word)
	for _, c := range candidates {
		if d := distance(w, []rune(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b.
func distance(a, b []rune) int {
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
