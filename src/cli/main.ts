#!/usr/bin/env node
console.log('khabar');
