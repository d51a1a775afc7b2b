#!/usr/bin/env node
// Entry point of the `authmesh` command; the compiled CLI lives in ../dist.
import '../dist/cli.js';
