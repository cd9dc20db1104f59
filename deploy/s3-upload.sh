#!/usr/bin/env bash
# Uploads dist/ to an S3 bucket with the headers S3 cannot work out for itself:
# - content-hashed files (name-<hash>.js, …_bg.wasm, .css, .svg, in dist/ and dist/es/) cached
#   for a year, immutable;
# - .wasm as application/wasm (S3 would guess application/octet-stream, and browsers then fall
#   back to slower compilation);
# - the count files the site serves itself (counts/*.json: README, "The count") kept 5 minutes
#   (campaign_core::deploy::COUNT_CACHE): deploy/s3-refresh-counts.sh refreshes them on a
#   schedule;
# - everything else (the pages, boot.js, embed.js, share.png) checked on every visit;
# - CORS for reading from anywhere (deploy/s3-cors.json): embeds on other websites load the
#   script, the stylesheet, the wasm and the bodies from here.
#
# The previous deploy's hashed files stay: a page left open across a deploy still loads the
# script and wasm it names (the signer only when the visitor starts on a form). Each deploy
# writes the names of its hashed files to deploy-manifest.txt in the bucket; the next one reads
# it first, and deletes only the hashed files named in neither manifest. Without a previous
# manifest (the first deploy, or one that cannot be read), it deletes no hashed file at all.
# Everything else is synced with --delete, as before.
#
#   deploy/s3-upload.sh BUCKET [DIST]
#
# CloudFront in front of it: deploy/cloudfront-index.js, and the CSP as a response headers policy
# (README, "Deploying"). Tested with a stand-in `aws`: tests/deploy/deploy.test.mjs.
set -euo pipefail
bucket=${1:?usage: deploy/s3-upload.sh BUCKET [DIST]}
dist=${2:-dist}
dist=${dist%/}
immutable="public, max-age=31536000, immutable"
counts="public, max-age=300"
manifest=deploy-manifest.txt
here=$(dirname "$0")

# Trunk's and the signer's hashes: 10 to 16 hex digits before the extension (as
# `campaign_core::deploy::is_hashed` says).
hashed_name='-[0-9a-f]{10,16}(_bg)?\.[a-z0-9]+$'
is_hashed() { [[ ${1##*/} =~ $hashed_name ]]; }

aws s3api put-bucket-cors --bucket "$bucket" --cors-configuration "file://$here/s3-cors.json"

# The previous deploy's manifest, before anything changes.
previous=()
have_previous=false
if listed=$(aws s3 cp "s3://$bucket/$manifest" -); then
  have_previous=true
  mapfile -t previous < <(printf '%s\n' "$listed" | grep -v '^$' || true)
else
  echo "s3-upload: no previous $manifest in s3://$bucket (a first deploy?): no hashed file will be deleted" >&2
fi

mapfile -t files < <(cd "$dist" && find . -type f -printf '%P\n' | sort)
hashed=()
for name in "${files[@]}"; do
  is_hashed "$name" && hashed+=("$name")
done

# The sync must neither upload nor delete a hashed file, this deploy's or an older one: it
# excludes every name the pattern above matches, written as the globs `aws s3` takes.
globs=()
for digits in 10 11 12 13 14 15 16; do
  hex=$(printf '[0-9a-f]%.0s' $(seq "$digits"))
  globs+=("*-$hex.*" "*-${hex}_bg.*")
done
exclude=(--exclude _headers --exclude "$manifest" --exclude "counts/*")
for glob in "${globs[@]}"; do exclude+=(--exclude "$glob"); done
# A glob is wider than the pattern (its `*` also matches `.`): a file the globs exclude but the
# pattern calls unhashed would never be uploaded, so stop rather than leave it out.
for name in "${files[@]}"; do
  is_hashed "$name" && continue
  for glob in "${globs[@]}"; do
    # shellcheck disable=SC2053 # the glob is a pattern here, as it is to aws s3
    if [[ $name == $glob ]]; then
      echo "s3-upload: $name looks content-hashed to aws s3 sync but not to this script; rename it" >&2
      exit 1
    fi
  done
done

# New hashed files first, then the pages that name them, then the manifest.
for name in "${hashed[@]}"; do
  type=()
  [[ $name == *.wasm ]] && type=(--content-type application/wasm)
  aws s3 cp "$dist/$name" "s3://$bucket/$name" --cache-control "$immutable" "${type[@]}"
done
aws s3 sync "$dist/" "s3://$bucket/" "${exclude[@]}" --cache-control no-cache --delete
if [ -d "$dist/counts" ]; then
  aws s3 cp "$dist/counts" "s3://$bucket/counts" --recursive --cache-control "$counts" --content-type "application/json"
fi
printf '%s\n' "${hashed[@]}" | aws s3 cp - "s3://$bucket/$manifest" --cache-control no-cache --content-type "text/plain; charset=utf-8"

# Then the hashed files older than the previous deploy.
if $have_previous; then
  declare -A keep=()
  for name in "${hashed[@]}" "${previous[@]}"; do keep[$name]=1; done
  while IFS= read -r key; do
    [[ -z $key || $key == None ]] && continue
    is_hashed "$key" || continue
    [[ -n ${keep[$key]:-} ]] && continue
    aws s3 rm "s3://$bucket/$key"
  done < <(aws s3api list-objects-v2 --bucket "$bucket" --query 'Contents[].[Key]' --output text)
fi
