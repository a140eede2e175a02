const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc emits only JavaScript: icons and codex files are copied beside the compiled classes.
function copyAssets(folder) {
	return () =>
		src([`${folder}/**/*.{png,svg}`, `${folder}/**/*.node.json`], { encoding: false }).pipe(
			dest(path.resolve('dist', folder)),
		);
}

task('build:icons', parallel(copyAssets('nodes'), copyAssets('credentials')));
