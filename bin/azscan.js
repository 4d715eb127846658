#!/usr/bin/env node
import '../dist/bundle/azscan.js';
