#!/usr/bin/env bash
# sparsepv --graph: the tutorial network drawn into its output directory as network.dot, network.mmd and
# network.png, and nothing else written anywhere. The DOT is checked by Graphviz itself (dot parses it and counts
# nodes and edges); the Mermaid text by its own rules here (every edge joins two declared nodes).
# usage: check_graph.sh SPARSEPV SOURCE_DIR
set -uo pipefail
spv=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"
command -v dot >/dev/null || fail "Graphviz's dot is not installed (the set-up installs the Debian package graphviz)"
cd "$tmp" || fail "cd $tmp"
"$spv" --graph "$src/lua/examples/lca_tutorial.lua" -o out >graph.log 2>&1 || { cat graph.log; fail "--graph"; }
[ "$(ls out | tr '\n' ' ')" = "network.dot network.mmd network.png " ] || fail "out/ holds: $(ls out)"
[ "$(ls | tr '\n' ' ')" = "graph.log out " ] || fail "--graph wrote outside its output directory: $(ls)"
grep -q "^out/network.png$" graph.log || fail "the paths written are not printed: $(cat graph.log)"
[ "$(head -c 8 out/network.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "network.png is no PNG"
# The tutorial: 4 layers and 5 probes; 5 connections, 5 probe readings (the timescale probe reads its energy probe
# and its trigger, Input), 2 energy terms (counted by hand from
# lua/examples/lca_tutorial.lua).
counts=$(dot -Tdot out/network.dot | gvpr 'BEG_G { printf("%d %d\n", nNodes($G), nEdges($G)) }') ||
  fail "Graphviz cannot read network.dot"
[ "$counts" = "9 12" ] || fail "network.dot has $counts nodes and edges, want 9 12"
grep -q '"V1" -> "InputError" \[label="V1ToInputError: HyPerConn, no delivery"\]' out/network.dot ||
  fail "the dictionary's edge is missing"
grep -q '"Input" \[.*label="Input\\nImageLayer\\n32 x 32 x 3"\]' out/network.dot || fail "Input's size is missing"
awk '/^  n[0-9]+[\[>]/ { split($1, a, /[\[>]/); declared[a[1]] = 1 }
     /-->|-\.->/ { edges++; for (i = 1; i <= NF; i++) if ($i ~ /^n[0-9]+$/ && !($i in declared)) bad = bad " " $i }
     END { if (bad != "" || edges != 12) { print "undeclared:" bad ", edges " edges; exit 1 } }' out/network.mmd ||
  fail "network.mmd is not consistent"
head -2 out/network.mmd | grep -q "^flowchart TB$" || fail "network.mmd is no Mermaid flowchart"
echo "ok: --graph wrote the tutorial network (9 nodes, 12 edges)"
# --graph runs nothing: with -n it is a usage error, and nothing is written.
"$spv" --graph "$src/lua/examples/lca_tutorial.lua" -n -o out2 >/dev/null 2>&1; rc=$?
[ $rc = 2 ] && [ ! -e out2 ] || fail "--graph with -n: status $rc"
echo ok
