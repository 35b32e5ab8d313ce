const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const MiniCssExtractPlugin = require('mini-css-extract-plugin');
const PruneCssVariablesPlugin = require('./webpack/prune-css-variables.cjs');

const descriptor = require('./plugin.json');
const pluginName = descriptor.name;

const swcRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  // Loaders run last to first: the messages are compiled to ICU ASTs on the TypeScript source.
  use: [
    {
      loader: 'swc-loader',
      options: {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2020',
        },
      },
    },
    path.resolve(__dirname, 'webpack', 'compile-messages.cjs'),
  ],
};
// PatternFly components import their own CSS from node_modules: no `exclude` on this rule. The
// plugin's CSS leaves out what the tab never shows (other themes, the icon font, unused
// components): webpack/trim-patternfly-css.cjs.
const cssRule = {
  test: /\.css$/,
  use: [
    MiniCssExtractPlugin.loader,
    'css-loader',
    path.resolve(__dirname, 'webpack', 'trim-patternfly-css.cjs'),
  ],
};
// The icons' second ("rh-ui") drawing, never shown here: webpack/strip-rh-ui-icons.cjs.
const iconRule = {
  test: /@patternfly[\\/]react-icons[\\/]dist[\\/]esm[\\/]icons[\\/][^\\/]+\.js$/,
  use: [path.resolve(__dirname, 'webpack', 'strip-rh-ui-icons.cjs')],
};
const fontRule = {
  test: /\.(woff2?|ttf|eot|otf)$/,
  type: 'asset/resource',
  generator: { filename: 'assets/fonts/[name].[contenthash:8][ext]' },
};
const imageRule = {
  test: /\.(png|jpe?g|gif|svg)$/,
  type: 'asset',
  parser: { dataUrlCondition: { maxSize: 8 * 1024 } },
  generator: { filename: 'assets/images/[name].[contenthash:8][ext]' },
};

/** Writes the descriptor beside the resource folder: dist/<name>.json, as the engine reads it. */
class EmitDescriptorPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('EmitDescriptorPlugin', () => {
      const out = path.resolve(__dirname, 'dist', `${pluginName}.json`);
      fs.writeFileSync(out, JSON.stringify(descriptor, null, 2) + '\n');
    });
  }
}

const common = (prod) => ({
  devtool: prod ? false : 'eval-cheap-module-source-map',
  resolve: {
    extensions: ['.tsx', '.ts', '.js'],
    // src/app/icons.ts names the CommonJS icon files (Jest runs them as they are); the bundle takes
    // their ES module twins, the files PatternFly's own components import, so createIcon and the
    // icons both use are in it once, and tree-shaken.
    alias: {
      '@patternfly/react-icons/dist/js/icons': '@patternfly/react-icons/dist/esm/icons',
    },
  },
  performance: { hints: false },
  cache: prod ? false : { type: 'filesystem', buildDependencies: { config: [__filename] } },
});

module.exports = (_env, argv) => {
  const prod = argv.mode !== 'development';
  return [
    // The plugin, in the install layout: dist/<name>.json + dist/<name>-resources/...
    {
      ...common(prod),
      name: 'plugin',
      entry: {
        plugin: './src/plugin/index.ts',
        georep: './src/app/index.tsx',
        // A Gluster volume's sub tab: its own page, so it loads only what it shows.
        'georep-volume': './src/app/volumeIndex.tsx',
      },
      output: {
        path: path.resolve(__dirname, 'dist', descriptor.resourcePath),
        filename: '[name].[contenthash:8].js',
        chunkFilename: '[name].[contenthash:8].js',
        // Served from /ovirt-engine/webadmin/plugin/<name>/: every URL stays relative.
        publicPath: '',
        clean: true,
      },
      resolve: {
        ...common(prod).resolve,
        alias: {
          ...common(prod).resolve.alias,
          // Every message is an AST already (webpack/compile-messages.cjs): the types and helpers
          // of the parser package without the parser.
          '@formatjs/icu-messageformat-parser$': path.resolve(
            __dirname,
            'node_modules/@formatjs/icu-messageformat-parser/no-parser.js',
          ),
        },
      },
      module: { rules: [swcRule, iconRule, cssRule, fontRule, imageRule] },
      plugins: [
        new HtmlWebpackPlugin({
          filename: 'plugin.html',
          template: './static/plugin.html',
          chunks: ['plugin'],
          scriptLoading: 'defer',
        }),
        new HtmlWebpackPlugin({
          filename: 'georep.html',
          template: './static/georep.html',
          chunks: ['georep'],
          scriptLoading: 'defer',
        }),
        new HtmlWebpackPlugin({
          filename: 'georep-volume.html',
          template: './static/georep.html',
          chunks: ['georep-volume'],
          scriptLoading: 'defer',
        }),
        new MiniCssExtractPlugin({ filename: '[name].[contenthash:8].css' }),
        // PatternFly's design tokens nothing reads: webpack/prune-css-variables.cjs.
        new PruneCssVariablesPlugin(),
        new EmitDescriptorPlugin(),
      ],
    },
    // The WebAdmin stand-in's shell (development only; never installed on an engine).
    {
      ...common(prod),
      name: 'webadmin-standin',
      entry: { webadmin: './dev/webadmin/shell.ts' },
      output: {
        path: path.resolve(__dirname, 'build', 'webadmin'),
        filename: '[name].js',
        publicPath: '',
        clean: true,
      },
      module: {
        rules: [
          swcRule,
          { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] },
          fontRule,
          imageRule,
        ],
      },
      plugins: [new MiniCssExtractPlugin({ filename: '[name].css' })],
    },
  ];
};
